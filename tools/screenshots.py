"""Take the README's screenshots of the built site (run `make site` first).

    .venv/bin/python tools/screenshots.py

Serves site/ on 127.0.0.1 and photographs the main pages in Debian's headless chromium.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "assets" / "screenshots"
PAGES = {
    "home": "/",
    "briefing": "/briefings/000-ad573051a1971b14/",
    "briefing-diagram": "/briefings/000-ad573051a1971b14/#positions",
    "story": "/briefings/story-arctic-shipping-talks/",
    "actor": "/actors/dimitri-simes/",
    "side": "/sides/united-states/",
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_Quiet, directory=str(ROOT / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        for name, path in PAGES.items():
            page.goto(base + path)
            page.wait_for_timeout(300)
            page.screenshot(path=str(OUT / f"{name}.png"))
            print(f"wrote {OUT / f'{name}.png'}")
        browser.close()
    server.shutdown()
    server.server_close()


if __name__ == "__main__":
    main()
