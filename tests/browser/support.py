"""What the browser tests share: where screenshots go, the texted code's pattern, and a
wait that polls the page (or the server's log) at the browser's own pace."""

from __future__ import annotations

import os
import re
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import Any

# Where the screenshots go: the system's temporary directory unless BROWSER_SCREENSHOTS
# names another.
SCREENSHOTS = Path(os.environ.get("BROWSER_SCREENSHOTS", tempfile.gettempdir()))
CODE = re.compile(r"code is (\d{6})")


def wait_for(found: Any, what: str, within_s: float = 20) -> Any:
    """Poll (the browser's or the mailer's own pace, not domain time) until ``found()`` is
    truthy, and return it."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        value = found()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"never saw {what}")


def accessibility_violations(driver: Any) -> list[str]:
    """axe-core's violations (its default rules: WCAG 2 A and AA and best practices) on the
    page as it is now, one line each (rule, impact, the first offending element). axe runs
    in the page through WebDriver, which the page's Content-Security-Policy does not
    govern; the script comes from the selenium-axe-python package (a dev dependency)."""
    script = resources.files("selenium_axe_python").joinpath("axe-core", "axe.min.js")
    driver.execute_script(script.read_text(encoding="utf-8"))
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; axe.run().then(done)"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']} {v['help']}"
        for v in results["violations"]
    ]
