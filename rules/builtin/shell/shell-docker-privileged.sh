#!/bin/sh
# ruleid: shell-docker-privileged
docker run --privileged -d app:latest
# ruleid: shell-docker-privileged
docker run -d -v /var/run/docker.sock:/var/run/docker.sock ci-runner:latest
# ok: shell-docker-privileged
docker run --rm --read-only --cap-drop ALL --cap-add NET_BIND_SERVICE app:latest
# ok: shell-docker-privileged
docker run -d -v "$PWD/data:/data" app:latest
