# ruleid: sh-rm-rf-root
rm -rf / --no-preserve-root
# ruleid: sh-rm-rf-root
sudo rm -rf /*
# ruleid: sh-rm-rf-root
rm -rf ~
# ruleid: sh-rm-rf-root
rm -r -f "$HOME/"
# ok: sh-rm-rf-root
rm -rf ./build
# ok: sh-rm-rf-root
rm -rf /tmp/build-cache
# ok: sh-rm-rf-root
rm -rf "$BUILD_DIR"/*
# ok: sh-rm-rf-root
rm -rf /var/lib/apt/lists/*
# ok: sh-rm-rf-root
rm -rf ~/.cache/pip
