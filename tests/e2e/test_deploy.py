"""Running beyond one machine (docs/deploy.md): the Kubernetes manifests agree with the app and the image,
the archive-splitting script gives exactly a serial run's output, and the image builds the unit table."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import yaml

from tests.helpers.paths import ROOT

K8S = ROOT / "deploy" / "k8s"
DOCS = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")


def _manifests() -> dict[str, dict]:
    found = {}
    for path in sorted(K8S.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            found[doc["kind"]] = doc
    return found


def test_deployment_service_and_hpa_fit_together_and_fit_the_app(client):
    m = _manifests()
    assert set(m) == {"Deployment", "Service", "HorizontalPodAutoscaler"}
    deployment, service, hpa = m["Deployment"], m["Service"], m["HorizontalPodAutoscaler"]
    pod = deployment["spec"]["template"]
    labels = pod["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert service["spec"]["selector"].items() <= labels.items()
    (container,) = pod["spec"]["containers"]
    port = {p["name"]: p["containerPort"] for p in container["ports"]}["http"]
    assert f"EXPOSE {port}" in (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert service["spec"]["ports"][0]["targetPort"] in ("http", port)
    probes = {kind: container[kind]["httpGet"]["path"] for kind in ("readinessProbe", "livenessProbe")}
    assert probes == {"readinessProbe": "/readyz", "livenessProbe": "/healthz"}
    for path in probes.values():
        assert client.get(path).status_code == 200  # the routes exist and answer on a healthy app
    assert hpa["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment",
                                              "name": deployment["metadata"]["name"]}
    (metric,) = hpa["spec"]["metrics"]
    assert metric["resource"]["name"] == "cpu" and metric["resource"]["target"]["type"] == "Utilization"
    assert container["resources"]["requests"]["cpu"]  # utilisation is a share of the request
    assert hpa["spec"]["minReplicas"] >= 2


def test_splitting_an_archive_across_two_workers_gives_the_serial_output(tmp_path):
    from bench.archive import make_archive

    archive = tmp_path / "archive"
    make_archive(archive, 40)
    bin_dir = os.path.dirname(sys.executable)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    split = tmp_path / "split.out"
    subprocess.run(["sh", str(ROOT / "deploy" / "split-archive.sh"), str(archive), "2", str(split)], env=env,
                   check=True, timeout=600)
    serial = subprocess.run([os.path.join(bin_dir, "orbitcheck"), "check", "--format", "text", "--fail-on", "never",
                             str(archive)], env=env, capture_output=True, check=True, timeout=600).stdout
    assert split.read_bytes() == serial
    assert len(serial.splitlines()) >= 10  # findings from many files, so order and content are both tested


def test_the_docs_give_the_manifests_and_the_script():
    for path in sorted(K8S.glob("*.yaml")):
        assert f"deploy/k8s/{path.name}" in DOCS
    assert "deploy/split-archive.sh" in DOCS
    assert "kubectl apply -f deploy/k8s/" in DOCS


def test_the_image_builds_the_unit_table_outside_the_package_before_dropping_root():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    cache = re.search(r"^ENV ORBITCHECK_CACHE_DIR=(\S+)$", dockerfile, re.M)
    assert cache and not cache.group(1).startswith("/app")  # not the package or the working directory
    build = dockerfile.index("python -m orbitcheck.normalise.unitcache")
    assert dockerfile.index("pip install .") < build < dockerfile.index("USER orbitcheck")
