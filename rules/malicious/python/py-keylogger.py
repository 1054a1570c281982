from pynput import keyboard

def on_press(key):
    with open("/tmp/.k.log", "a") as f:
        f.write(str(key))

# ruleid: py-keylogger
with keyboard.Listener(on_press=on_press) as listener:
    listener.join()
# ===== block =====
from pynput import keyboard

def on_press(key):
    if key == keyboard.Key.esc:
        return False

# ok: py-keylogger
with keyboard.Listener(on_press=on_press) as listener:
    listener.join()
# ok: py-keylogger
hotkeys = keyboard.GlobalHotKeys({"<ctrl>+<alt>+h": show_help})
