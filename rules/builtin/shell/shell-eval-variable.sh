#!/usr/bin/env bash
run() {
    # ruleid: shell-eval-variable
    eval "$1"
    # ruleid: shell-eval-variable
    eval "grep $pattern $file"
    # ruleid: shell-eval-variable
    eval ${CMD}
    # ok: shell-eval-variable
    "$@"
    # ok: shell-eval-variable
    eval "$(ssh-agent -s)"
    # ok: shell-eval-variable
    grep -- "$pattern" "$file"
}
