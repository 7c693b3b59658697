"""The Helm chart: it lints, renders valid Kubernetes objects, and runs the OMS as operations expect."""

import re

import kubernetes_validate
import pytest

from oms.config.queues import task_queues
from tests.deploy.tools import CHART, helm_template, render, run, tool

VALUE_SETS = ("values-dev.yaml", "values-prod.yaml")
# The oldest Kubernetes the chart supports (Chart.yaml's kubeVersion) and the kubectl we install.
KUBERNETES_VERSIONS = ("1.27.0", "1.33.0")
SECRET_NAME = re.compile(r"SECRET|PASSWORD|PRIVATE_KEY|API_KEY|_TOKEN$|^(DATABASE|REDIS|EMAIL|STORAGE)_URL$")
CREDENTIALS_IN_URL = re.compile(r"://[^/@\s]+:[^/@\s]+@")
WORKLOADS = ("Deployment", "Job")


@pytest.fixture(scope="module", params=VALUE_SETS)
def rendered(request) -> list[dict]:
    return render(request.param)


@pytest.fixture(scope="module")
def prod() -> list[dict]:
    return render("values-prod.yaml")


def of_kind(objects: list[dict], kind: str) -> dict[str, dict]:
    return {obj["metadata"]["name"]: obj for obj in objects if obj["kind"] == kind}


def pod_specs(objects: list[dict]) -> dict[str, dict]:
    return {
        obj["metadata"]["name"]: obj["spec"]["template"]["spec"]
        for obj in objects
        if obj["kind"] in WORKLOADS
    }


def containers(objects: list[dict]) -> dict[str, dict]:
    return {
        f"{name}/{container['name']}": container
        for name, spec in pod_specs(objects).items()
        for container in spec["containers"]
    }


@pytest.mark.parametrize("values", VALUE_SETS)
def test_the_chart_lints_strictly(values):
    done = run(tool("helm"), "lint", str(CHART), "--strict", "--values", str(CHART / values))
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_every_rendered_object_is_valid_for_kubernetes(rendered, version):
    for obj in rendered:
        kubernetes_validate.validate(obj, version, strict=True)


def test_every_container_runs_as_non_root_on_a_read_only_root_with_requests_and_limits(rendered):
    for name, spec in pod_specs(rendered).items():
        assert spec["securityContext"]["runAsNonRoot"] is True, name
        assert spec["securityContext"]["runAsUser"] > 0, name
        assert spec["automountServiceAccountToken"] is False, name
    for name, container in containers(rendered).items():
        security = container["securityContext"]
        assert security["runAsNonRoot"] is True, name
        assert security["readOnlyRootFilesystem"] is True, name
        assert security["allowPrivilegeEscalation"] is False, name
        assert security["capabilities"]["drop"] == ["ALL"], name
        for bound in ("requests", "limits"):
            assert set(container["resources"][bound]) == {"cpu", "memory"}, name


def test_every_pod_writes_only_to_an_emptydir_at_app_var(rendered):
    for name, spec in pod_specs(rendered).items():
        volumes = {volume["name"]: volume for volume in spec["volumes"]}
        assert "emptyDir" in volumes["var"], name
        for container in spec["containers"]:
            assert container["volumeMounts"] == [{"name": "var", "mountPath": "/app/var"}], name


def test_the_web_is_live_on_healthz_and_ready_on_readyz(rendered):
    web = containers(rendered)["oms-web/web"]
    assert web["args"] == ["web"]
    assert web["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
    assert web["startupProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
    assert web["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}


def test_the_web_outlives_gunicorns_graceful_timeout_when_stopped(rendered):
    web = pod_specs(rendered)["oms-web"]
    env = {item["name"]: item["value"] for item in web["containers"][0]["env"]}
    assert web["terminationGracePeriodSeconds"] > int(env["WEB_GRACEFUL_TIMEOUT"])


def test_one_worker_deployment_consumes_each_queue_the_oms_declares(rendered):
    queues = {queue.name for queue in task_queues()}
    workers = {
        name: container["args"]
        for name, container in containers(rendered).items()
        if name.startswith("oms-worker-")
    }
    assert {name.split("/")[0].removeprefix("oms-worker-") for name in workers} == queues
    for name, args in workers.items():
        queue = name.split("/")[0].removeprefix("oms-worker-")
        assert args[:3] == ["worker", "-Q", queue], name


def test_workers_expose_metrics_where_prometheus_looks(rendered):
    for name, obj in of_kind(rendered, "Deployment").items():
        if not name.startswith("oms-worker-"):
            continue
        annotations = obj["spec"]["template"]["metadata"]["annotations"]
        container = obj["spec"]["template"]["spec"]["containers"][0]
        env = {item["name"]: item["value"] for item in container["env"]}
        assert annotations["prometheus.io/scrape"] == "true", name
        assert annotations["prometheus.io/port"] == env["METRICS_PORT"], name
        assert container["ports"] == [
            {"name": "metrics", "containerPort": int(env["METRICS_PORT"]), "protocol": "TCP"}
        ]


def test_beat_is_a_single_replica_replaced_never_rolled(rendered):
    beat = of_kind(rendered, "Deployment")["oms-beat"]
    assert beat["spec"]["replicas"] == 1
    assert beat["spec"]["strategy"] == {"type": "Recreate"}
    assert beat["spec"]["template"]["spec"]["containers"][0]["args"] == ["beat"]


def test_migrations_run_as_a_hook_before_install_and_upgrade_after_their_config(rendered):
    job = of_kind(rendered, "Job")["oms-migrate"]
    annotations = job["metadata"]["annotations"]
    assert annotations["helm.sh/hook"] == "pre-install,pre-upgrade"
    assert job["spec"]["template"]["spec"]["containers"][0]["args"] == ["migrate"]
    assert job["spec"]["template"]["spec"]["restartPolicy"] == "Never"
    # Hooks run before the release's own objects exist: what the Job reads is a hook made before it,
    # or a Secret the chart does not make at all (there before the release).
    made = {obj["metadata"]["name"]: obj for obj in rendered if obj["kind"] in ("ConfigMap", "Secret")}
    for source in job["spec"]["template"]["spec"]["containers"][0]["envFrom"]:
        name = (source.get("configMapRef") or source["secretRef"])["name"]
        if name not in made:
            continue
        hook = made[name]["metadata"].get("annotations", {})
        assert hook.get("helm.sh/hook") == "pre-install,pre-upgrade", name
        assert int(hook["helm.sh/hook-weight"]) < int(annotations["helm.sh/hook-weight"]), name


def test_no_configmap_holds_a_secret(rendered):
    for name, config_map in of_kind(rendered, "ConfigMap").items():
        for key, value in config_map["data"].items():
            assert not SECRET_NAME.search(key), f"{name}: {key}"
            assert not CREDENTIALS_IN_URL.search(value), f"{name}: {key}"


def test_every_process_reads_secrets_from_a_secret(rendered):
    for name, container in containers(rendered).items():
        kinds = [next(iter(source)) for source in container["envFrom"]]
        assert kinds == ["configMapRef", "secretRef"], name


def test_production_reads_the_secret_it_is_given_and_makes_none(prod):
    assert of_kind(prod, "Secret") == {}
    for name, container in containers(prod).items():
        assert container["envFrom"][1] == {"secretRef": {"name": "oms-secrets"}}, name


def test_the_schema_refuses_a_secret_among_the_plain_configuration():
    done = helm_template("values-prod.yaml", sets=("config.SECRET_KEY=leaked",))
    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr


def test_the_chart_refuses_to_render_without_a_source_for_its_secrets():
    done = helm_template()
    assert done.returncode != 0
    assert "secret" in done.stderr.lower()


def test_production_web_autoscales_and_keeps_pods_through_disruptions(prod):
    web = of_kind(prod, "Deployment")["oms-web"]
    hpa = of_kind(prod, "HorizontalPodAutoscaler")["oms-web"]
    pdb = of_kind(prod, "PodDisruptionBudget")["oms-web"]
    assert "replicas" not in web["spec"], "the HPA owns the replica count"
    assert hpa["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "oms-web"}
    assert hpa["spec"]["minReplicas"] > pdb["spec"]["minAvailable"]
    assert pdb["spec"]["selector"]["matchLabels"] == web["spec"]["selector"]["matchLabels"]


def test_pods_roll_when_the_configuration_changes():
    def checksum(objects: list[dict]) -> str:
        web = of_kind(objects, "Deployment")["oms-web"]
        return web["spec"]["template"]["metadata"]["annotations"]["checksum/config"]

    before = render("values-prod.yaml")
    after = render("values-prod.yaml", sets=("config.RESERVATION_TTL_SECONDS=600",))
    assert checksum(before) != checksum(after)


def test_an_image_digest_pins_every_process_to_one_build(prod):
    digest = "sha256:" + "a" * 64
    objects = render("values-prod.yaml", sets=(f"image.digest={digest}",))
    images = {container["image"] for container in containers(objects).values()}
    assert images == {f"registry.example.com/oms@{digest}"}
