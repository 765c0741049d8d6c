"""Local web app for communication officers: the B1 check as a page and as a JSON API."""

from pipeline.web.app import create_app, serve

__all__ = ["create_app", "serve"]
