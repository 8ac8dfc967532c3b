# orbitcheck HTTP service. Build: docker build -t orbitcheck .   Run: docker run -p 8000:8000 orbitcheck
# In production run it behind the buffering proxy: docker compose -f deploy/compose.yaml up --build
# (nginx on 127.0.0.1:8080; this container then publishes no port of its own).
# Pinned base: an exact Python patch release on Debian bookworm, slim variant (no compilers, no curl).
FROM python:3.11.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN groupadd --system orbitcheck \
 && useradd --system --gid orbitcheck --home-dir /app --no-create-home --shell /usr/sbin/nologin orbitcheck

WORKDIR /app
# Dependencies first (a layer that changes only when pyproject.toml does), then the code and the records.
COPY pyproject.toml README.md ./
COPY service ./service
COPY schemas ./schemas
COPY reference_data ./reference_data
# A normal (non-editable) install: the records travel inside the package as orbitcheck.reference_data.
RUN pip install . && rm -rf build *.egg-info
# The unit factor table (service/normalise/unitcache.py), derived by pint once here, at build time: the
# service then starts without importing pint. Root-owned and read-only for the service's user, outside the
# package directory; a rebuilt image (new pint, new units.txt) rebuilds it.
ENV ORBITCHECK_CACHE_DIR=/var/cache/orbitcheck
RUN python -m orbitcheck.normalise.unitcache && chmod -R a+rX /var/cache/orbitcheck

USER orbitcheck
# Listen on every interface inside the container; WEB_CONCURRENCY sets the workers (default: the host's
# cores, which a CPU-limited container should override). ORBITCHECK_* settings: see docs/api.md.
ENV HOST=0.0.0.0 \
    PORT=8000
EXPOSE 8000

# slim has no curl: ask with the standard library.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=4)"]

# The app and its gunicorn settings are modules of the installed package.
CMD ["gunicorn", "-c", "python:orbitcheck.gunicorn_conf", "orbitcheck.app:create_app()"]
