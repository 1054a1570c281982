#!/usr/bin/env bash
clean() {
    # ruleid: shell-rm-rf-unguarded-variable
    rm -rf "$BUILD_DIR"/*
    # ruleid: shell-rm-rf-unguarded-variable
    rm -rf $STEAMROOT/
    # ruleid: shell-rm-rf-unguarded-variable
    sudo rm -fr -- "${PREFIX}/lib/app"
    # ok: shell-rm-rf-unguarded-variable
    rm -rf "${BUILD_DIR:?}"/*
    # ok: shell-rm-rf-unguarded-variable
    rm -rf -- "$tmpdir"
    # ok: shell-rm-rf-unguarded-variable
    rm -f "$LOG_DIR/app.log"
    # ok: shell-rm-rf-unguarded-variable
    rm -rf "$HOME/.cache/app"
}
