"""Reports: the check report (terminal, JSON, HTML) and the dashboard."""
