"""docker-compose.yml: valid by the Compose specification, and the stack it describes is the production one.

There is no Docker engine or compose plugin here, so the file is checked against the compose-spec
JSON schema (check-jsonschema ships it), and its meaning by reading it.
"""

import subprocess
import sys

import pytest
import yaml

from oms.config.queues import task_queues
from tests.deploy.tools import ROOT

COMPOSE = ROOT / "docker-compose.yml"
OMS_ROLES = ("migrate", "web", "beat")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())  # resolves the << merge keys as Compose does


@pytest.fixture(scope="module")
def oms_services(compose) -> dict[str, dict]:
    return {
        name: service
        for name, service in compose["services"].items()
        if name in OMS_ROLES or name.startswith("worker-")
    }


def test_the_file_follows_the_compose_specification():
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec", str(COMPOSE)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_one_worker_consumes_each_queue_the_oms_declares(compose):
    workers = {name: service for name, service in compose["services"].items() if name.startswith("worker-")}
    assert {name.removeprefix("worker-") for name in workers} == {queue.name for queue in task_queues()}
    for name, service in workers.items():
        assert service["command"][:3] == ["worker", "-Q", name.removeprefix("worker-")]


def test_every_process_starts_only_once_the_migration_has_completed(oms_services):
    for name, service in oms_services.items():
        if name == "migrate":
            assert service["command"] == ["migrate"]
            assert service["restart"] == "no"
            continue
        assert service["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}, name


def test_every_oms_process_runs_as_in_production(oms_services):
    for name, service in oms_services.items():
        assert service["read_only"] is True, name
        assert service["tmpfs"][0].startswith("/app/var:uid=10001,"), name
        assert service["cap_drop"] == ["ALL"], name
        assert "no-new-privileges:true" in service["security_opt"], name
        assert service["environment"]["DEBUG"] == "false", name


def test_published_ports_listen_on_loopback_only(compose):
    for name, service in compose["services"].items():
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), name


def test_prometheus_scrapes_the_web_and_every_worker_where_they_serve_metrics(compose):
    config = yaml.safe_load((ROOT / "ops" / "prometheus" / "prometheus.yml").read_text())
    targets = {
        job["job_name"]: {target for group in job["static_configs"] for target in group["targets"]}
        for job in config["scrape_configs"]
    }
    metrics_port = compose["x-oms"]["environment"]["METRICS_PORT"]
    workers = {name for name in compose["services"] if name.startswith("worker-")}
    assert targets["oms-web"] == {"web:8000"}
    assert targets["oms-worker"] == {f"{name}:{metrics_port}" for name in workers}


def test_grafana_is_provisioned_with_the_oms_dashboard(compose):
    mounts = {
        volume.split(":")[1]: volume.split(":")[0] for volume in compose["services"]["grafana"]["volumes"]
    }
    dashboards = ROOT / mounts["/var/lib/grafana/dashboards"]
    provisioning = ROOT / mounts["/etc/grafana/provisioning"]
    assert (dashboards / "oms-overview.json").is_file()
    assert (provisioning / "dashboards" / "oms.yml").is_file()
    assert (provisioning / "datasources" / "prometheus.yml").is_file()
