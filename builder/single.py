"""The single-file edition: the whole scan, route and exports in one self-contained HTML file.

It opens from disk, travels as an e-mail attachment or sits in a blog's media library. Style
sheet, script, bank and icon are inlined; the Content-Security-Policy then allows exactly
those inline blocks by their SHA-256 hashes, and still nothing from anywhere else.
"""

from __future__ import annotations

import base64
import hashlib
import re

SINGLE_CSP = ("default-src 'none'; script-src {script}; style-src {style}; img-src data:; "
              "connect-src 'none'; form-action 'none'; base-uri 'none'")
FILE_NAME = "koers-scan.html"


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def data_uri(name: str, data: bytes) -> str:
    kind = {"svg": "image/svg+xml", "png": "image/png", "webp": "image/webp", "jpg": "image/jpeg",
            "jpeg": "image/jpeg"}[name.rsplit(".", 1)[-1].lower()]
    return f"data:{kind};base64,{base64.b64encode(data).decode()}"


def render_single(env, context: dict, css: str, script: str, icon: str, logo: str) -> str:
    """Render the scan and results blocks of the site's own templates into one page."""
    if re.search(r"</style", css, re.I):
        raise ValueError("the style sheet contains '</style', which would end the inline style early")
    blocks = {}
    for name in ("scan.html", "results.html"):
        template = env.get_template(name)
        blocks[name] = "".join(template.blocks["main"](template.new_context({**context, "page": name})))
    return env.get_template("single.html").render({
        **context, "scan_block": blocks["scan.html"], "results_block": blocks["results.html"],
        "inline_css": css, "inline_js": script, "icon_uri": icon, "logo_uri": logo,
        "csp": SINGLE_CSP.format(script=csp_hash(script), style=csp_hash(css)),
    })
