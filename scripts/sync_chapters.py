"""Keep every chapter's Colab install cell on the repository of _config.yml, then pair.

Usage: python scripts/sync_chapters.py   (after editing a chapter .md or the repo URL)
"""

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
INSTALL = re.compile(r'(%pip install -q "nlp_pp @ git\+)[^"@]+@[^"]+(")')


def install_target() -> str:
    """Return 'URL@BRANCH' of the repository named in _config.yml."""
    repo = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]
    return f"{repo['url']}@{repo['branch']}"


def main() -> int:
    target = install_target()
    chapters = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.md"))
    for md in chapters:
        text = md.read_text(encoding="utf-8")
        new = INSTALL.sub(lambda m: f"{m.group(1)}{target}{m.group(2)}", text)
        if new != text:
            md.write_text(new, encoding="utf-8")
    cmd = [sys.executable, "-m", "jupytext", "--sync", *map(str, chapters)]
    return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
