"""Take a PNG screenshot of a kg HTML page in headless Chromium (for docs/ and the README).

    python scripts/screenshot.py exports/graph.html docs/graph.png
    python scripts/screenshot.py exports/graph.html docs/xiaomi.png --focus Xiaomi --depth 2

The page is opened from file:// with Debian's Chromium (``/usr/bin/chromium``)
through Playwright; never run ``playwright install``. For kg pages the shot is
taken once the page says it is ready (drawn, and settled when vis physics runs);
other pages get ``--wait`` milliseconds after loading. Any request leaving the
machine is blocked and makes the script fail, so a screenshot also proves the
page is self-contained.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.io import atomic_write  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def screenshot(
    html: Path,
    png: Path,
    *,
    width: int = 1400,
    height: int = 850,
    focus: str | None = None,
    depth: int = 1,
    wait: int = 500,
    timeout: float = 60.0,
    chromium: str = CHROMIUM,
) -> Path:
    """Open ``html`` and write a screenshot of the viewport to ``png``; return ``png``."""
    from playwright.sync_api import sync_playwright

    url = html.resolve().as_uri()
    outside: list[str] = []
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            page.on("pageerror", lambda e: errors.append(str(e)))

            def guard(route) -> None:
                if route.request.url.startswith(("file:", "data:")):
                    route.continue_()
                else:
                    outside.append(route.request.url)
                    route.abort()

            page.route("**/*", guard)
            page.goto(url, wait_until="load", timeout=timeout * 1000)
            if page.evaluate("typeof window.kg === 'object'"):
                # wait_for_function evaluates a string, which the page's CSP (no 'unsafe-eval') forbids
                deadline = time.monotonic() + timeout
                while not page.evaluate("() => Boolean(window.kg.ready)"):
                    if time.monotonic() > deadline:
                        raise SystemExit(f"screenshot: {html} was not ready after {timeout:.0f} s")
                    page.wait_for_timeout(100)
                if focus and page.evaluate("([q, d]) => kg.focus(q, d)", [focus, depth]) is None:
                    raise SystemExit(f"screenshot: no node matches {focus!r} in {html}")
            page.wait_for_timeout(wait)
            data = page.screenshot(type="png")
        finally:
            browser.close()
    if outside:
        raise SystemExit(f"screenshot: {html} tried to load {len(outside)} outside resources: {outside[:3]}")
    if errors:
        raise SystemExit(f"screenshot: script errors in {html}: {errors[:3]}")
    return atomic_write(png, [data])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("html", type=Path, help="the HTML page (e.g. exports/graph.html)")
    ap.add_argument("png", type=Path, help="where to write the screenshot")
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=850)
    ap.add_argument("--focus", help="focus on this node (id, label or alias) before the shot")
    ap.add_argument("--depth", type=int, default=1, help="hops around --focus (default 1)")
    ap.add_argument("--wait", type=int, default=500, help="ms to wait after the page is ready (default 500)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the page (default 60)")
    ap.add_argument("--chromium", default=CHROMIUM, help=f"the browser binary (default {CHROMIUM})")
    args = ap.parse_args(argv)
    if not args.html.is_file():
        ap.error(f"no such file: {args.html}")
    out = screenshot(args.html, args.png, width=args.width, height=args.height, focus=args.focus,
                     depth=args.depth, wait=args.wait, timeout=args.timeout, chromium=args.chromium)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
