"""The one way these tests start Chromium: headless, fontconfig pointed at DejaVu only, a fresh
profile, and the flags a container needs (a small /dev/shm, no network beyond loopback).

A browser that fails to start is retried twice with its reason printed: a start that dies in
the sandbox says nothing of plansim's pages, while a page that misbehaves fails as it is.
"""

import os
import pathlib
import shutil
import sys
import tempfile
import time

import pytest
from selenium import webdriver
from selenium.common.exceptions import SessionNotCreatedException, WebDriverException
from selenium.webdriver.chrome.service import Service

DEJAVU = "/usr/share/fonts/truetype/dejavu"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         # /dev/shm is 64 MB in many containers: a renderer that runs out of it hangs or dies
         "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-quic", "--allow-file-access-from-files"]


def chromium(width=1400, downloads=False):
    """A started browser `width` pixels wide; `d.tmp` is its folder (removed by `close`), and
    with `downloads` files it saves land in `d.downloads`."""
    assert os.path.isdir(DEJAVU), f"{DEJAVU}: the DejaVu fonts are missing (apt-get install fonts-dejavu-core)"
    last = None
    for attempt in range(3):
        tmp = pathlib.Path(tempfile.mkdtemp(prefix="plansim-fc-"))
        conf = tmp / "fonts.conf"
        conf.write_text(
            '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            f"  <dir>{DEJAVU}</dir>\n  <cachedir>{tmp}/cache</cachedir>\n</fontconfig>\n"
        )
        opts = webdriver.ChromeOptions()
        opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for a in FLAGS + [f"--window-size={width},1000", f"--user-data-dir={tmp}/profile"]:
            opts.add_argument(a)
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        if downloads:
            (tmp / "downloads").mkdir()
            opts.add_experimental_option("prefs", {"download.default_directory": str(tmp / "downloads"),
                                                   "download.prompt_for_download": False})
        service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver",
                          env={**os.environ, "FONTCONFIG_FILE": str(conf)},
                          log_output=str(tmp / "chromedriver.log"))
        try:
            d = webdriver.Chrome(service=service, options=opts)
        except (SessionNotCreatedException, WebDriverException) as e:
            log = (tmp / "chromedriver.log").read_text(errors="replace")[-2000:] \
                if (tmp / "chromedriver.log").exists() else ""
            print(f"chromium did not start (attempt {attempt + 1} of 3): {e.msg}\n{log}", file=sys.stderr)
            shutil.rmtree(tmp, ignore_errors=True)
            last = e
            time.sleep(1 + attempt)
            continue
        d.tmp = tmp
        if downloads:
            d.downloads = tmp / "downloads"
            d.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(d.downloads)})
        return d
    raise last


def close(d):
    d.quit()
    shutil.rmtree(d.tmp, ignore_errors=True)


def console(d):
    """What the page wrote to its console (for a failure's message)."""
    try:
        return "\n".join(f"{e['level']} {e['message']}" for e in d.get_log("browser")) or "(nothing)"
    except WebDriverException as e:
        return f"(unreadable: {e.msg})"


@pytest.fixture()
def browser():
    """A fresh browser for each test, so no font stays cached from one test to the next."""
    d = chromium()
    yield d
    close(d)
