"""Prometheus' configuration and alerts, and the Grafana dashboard: valid, tested, and documented."""

import json
import re
from pathlib import Path

import pytest
import yaml

from tests.deploy.tools import ROOT, run, tool

PROMETHEUS = ROOT / "ops" / "prometheus"
DASHBOARD = ROOT / "ops" / "grafana" / "dashboards" / "oms-overview.json"
OPERATIONS = ROOT / "docs" / "operations.md"
# Grafana's own variables, replaced by what Grafana would put there before PromQL parses the query.
GRAFANA_VARIABLES = {"$__rate_interval": "1m", "$__interval": "1m", "$__range": "1h"}
TOPICS = (
    "Requests",
    "Server error",
    "Latency",
    "Outbox backlog",
    "Publish lag",
    "Dead messages",
    "Handler duration",
    "Orders by status",
    "Saga step",
    "Gateway attempts",
    "Circuit breaker",
    "Notifications by channel and status",
    "Workers up",
)


@pytest.fixture(scope="module")
def alerts() -> list[dict]:
    groups = yaml.safe_load((PROMETHEUS / "alerts.yml").read_text())["groups"]
    return [rule for group in groups for rule in group["rules"] if "alert" in rule]


@pytest.fixture(scope="module")
def dashboard() -> dict:
    return json.loads(DASHBOARD.read_text())


def panels(dashboard: dict) -> list[dict]:
    return [panel for panel in dashboard["panels"] if panel["type"] != "row"]


def test_the_alert_rules_are_valid():
    done = run(tool("promtool"), "check", "rules", str(PROMETHEUS / "alerts.yml"))
    assert done.returncode == 0, done.stdout + done.stderr


def test_each_alert_fires_on_the_failure_it_names_and_not_on_a_healthy_system():
    done = run(tool("promtool"), "test", "rules", str(PROMETHEUS / "alerts.test.yml"))
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_alert_has_a_unit_test(alerts):
    tested = yaml.safe_load((PROMETHEUS / "alerts.test.yml").read_text())["tests"]
    names = {case["alertname"] for test in tested for case in test["alert_rule_test"]}
    assert {rule["alert"] for rule in alerts} <= names


def test_the_prometheus_configuration_and_the_rules_it_loads_are_valid():
    done = run(tool("promtool"), "check", "config", "--syntax-only", str(PROMETHEUS / "prometheus.yml"))
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_alert_says_how_bad_it_is_and_where_its_runbook_is(alerts):
    headings = {anchor(line) for line in OPERATIONS.read_text().splitlines() if line.startswith("#")}
    for rule in alerts:
        assert rule["labels"]["severity"] in {"warning", "critical"}, rule["alert"]
        assert rule["annotations"]["summary"], rule["alert"]
        page, _, section = rule["annotations"]["runbook_url"].partition("#")
        assert page == "docs/operations.md", rule["alert"]
        assert section == rule["alert"].lower(), rule["alert"]
        assert section in headings, rule["alert"]


def anchor(heading: str) -> str:
    """GitHub's anchor of a Markdown heading."""
    text = heading.lstrip("#").strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def test_every_dashboard_query_is_valid_promql(dashboard, tmp_path: Path):
    rules = [
        {"record": f"dashboard:panel_{panel['id']}_{target['refId']}", "expr": grafana_free(target["expr"])}
        for panel in panels(dashboard)
        for target in panel["targets"]
    ]
    file = tmp_path / "dashboard-rules.yml"
    file.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}))
    done = run(tool("promtool"), "check", "rules", str(file))
    assert done.returncode == 0, done.stdout + done.stderr


def grafana_free(expr: str) -> str:
    for variable, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(variable, value)
    assert "$" not in expr, f"unknown variable in {expr}"
    return expr


def test_every_panel_has_its_own_id_and_queries_the_chosen_data_source(dashboard):
    ids = [panel["id"] for panel in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    assert [variable["name"] for variable in dashboard["templating"]["list"]] == ["datasource"]
    for panel in panels(dashboard):
        assert panel["datasource"] == {"type": "prometheus", "uid": "${datasource}"}, panel["title"]
        for target in panel["targets"]:
            assert target["datasource"] == panel["datasource"], panel["title"]


def test_the_dashboard_shows_what_operators_watch(dashboard):
    titles = " | ".join(panel["title"] for panel in panels(dashboard))
    missing = [topic for topic in TOPICS if topic not in titles]
    assert not missing


def test_panels_do_not_overlap(dashboard):
    cells: set[tuple[int, int]] = set()
    for panel in dashboard["panels"]:
        box = panel["gridPos"]
        covered = {
            (x, y) for x in range(box["x"], box["x"] + box["w"]) for y in range(box["y"], box["y"] + box["h"])
        }
        assert box["x"] + box["w"] <= 24, panel["title"]
        assert not cells & covered, panel["title"]
        cells |= covered
