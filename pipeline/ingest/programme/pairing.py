"""Goals and actions: roles from headings and labels, pairs by letter, label, position or
table row (see ``tests/fixtures/golden/programme/README.md``)."""

from __future__ import annotations

from typing import Literal

from pipeline.ingest.programme.vocabulary import Role
from pipeline.records import Item, Section


def pair(goal: Item, action: Item) -> None:
    """Link an action to its goal; a goal points to its first action."""
    action.paired_item_id = goal.item_id
    if goal.paired_item_id is None:
        goal.paired_item_id = action.item_id


def _explicit_roles(section: Section) -> set[int]:
    """Labelled goals/actions ("Doel 1.1", "Activiteit 1.1.1"), bullets right under a
    labelled goal, and table rows already carry their role; pair them. Returns the
    positions of items handled here."""
    handled: set[int] = set()
    goal: Item | None = None
    for k, item in enumerate(section.items):
        if item.kind == "row":
            handled.add(k)
            continue
        if item.kind == "labelled":
            handled.add(k)
            if item.role == "goal":
                goal = item
            elif goal is not None:
                pair(goal, item)
            continue
        if item.kind == "bullet" and goal is not None:
            item.role = "action"
            pair(goal, item)
            handled.add(k)
            continue
        goal = None
    return handled


def assign_roles(sections: list[Section], roles: list[Role | Literal["pair"] | None]) -> None:
    """Give items goal/action roles and pairs; items must have their ids."""
    goals: dict[str, Item] = {}
    inherited: Role | Literal["pair"] | None = None
    for idx, section in enumerate(sections):
        handled = _explicit_roles(section)
        free = [item for k, item in enumerate(section.items) if k not in handled]
        role = roles[idx]
        if section.level <= 2 or role is not None:
            inherited = role
            if role is None:
                goals = {}
        else:
            role = inherited
        previous = sections[idx - 1] if idx else None
        previous_role = roles[idx - 1] if idx else None
        interleaved = role == "pair" or (
            role in ("goal", "action")
            and previous is not None
            and previous_role in ("goal", "action")
            and previous_role != role
            and not previous.items
            and not previous.paragraphs
            and not previous.tables
        )
        if interleaved:
            first: dict[str, Item] = {}
            for item in free:
                if item.letter is None:
                    continue
                key = item.letter.upper()
                goal = first.get(key)
                if goal is None:
                    item.role = "goal"
                    first[key] = item
                elif goal.paired_item_id is None:
                    item.role = "action"
                    pair(goal, item)
            goals = {}
            continue
        if role not in ("goal", "action"):
            continue
        for item in free:
            item.role = role
        lettered = [item for item in free if item.letter is not None]
        if role == "goal":
            goals = {item.letter.upper(): item for item in lettered if item.letter}
        else:
            for item in lettered:
                letter = (item.letter or "").upper()
                goal = goals.get(letter)
                if goal is not None and goal.paired_item_id is None:
                    pair(goal, item)
                elif goal is None and "." in letter:
                    # result "2.1" (or "1.2.01": programme 1, goal 2) serves goal 2
                    goal = goals.get(letter.split(".")[-2].lstrip("0") or "0")
                    if goal is not None:
                        pair(goal, item)
