"""Opt-in conversion of legacy Word/WPS files (.doc, .wps) to .docx with LibreOffice."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import ResourceLimitError, UnsupportedFormatError

def soffice() -> str | None:
    """The LibreOffice command on this machine, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def legacy_to_docx(data: bytes, name: str, timeout: float = 60.0) -> bytes:
    """The .docx bytes LibreOffice makes of a legacy binary document."""
    exe = soffice()
    if exe is None:
        raise UnsupportedFormatError(name, "no_libreoffice")
    with tempfile.TemporaryDirectory(prefix="gipextract-") as tmp:
        src = Path(tmp) / "input.doc"
        src.write_bytes(data)
        try:
            # Its own profile directory: a user's running LibreOffice must not lock the conversion.
            subprocess.run([exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                            "docx", "--outdir", tmp, str(src)], capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise ResourceLimitError(name, "legacy_timeout", seconds=f"{timeout:g}") from None
        out = Path(tmp) / "input.docx"
        if not out.exists():
            raise UnsupportedFormatError(name, "legacy_failed")
        return out.read_bytes()
