"""Print the pip requirements of the NVIDIA runtime wheels that libtorch_cpu.so needs to load.

PyPI's Linux torch links libtorch_cpu.so against libcudart and libcupti. Older wheels pin
`nvidia-cuda-runtime-cuXX==V` / `nvidia-cuda-cupti-cuXX==V` directly; newer ones pin the
`cuda-toolkit[cudart,cupti,...]==V` meta-package, whose own metadata pins
`nvidia-cuda-runtime==V.*` and `nvidia-cuda-cupti==V.*`. Usage:

    python3 torch_runtime_requirements.py TORCH_DIST_INFO_DIR

prints one requirement per line (nothing for CPU-only wheels).
"""
import email.parser
import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile

WANTED = re.compile(r"^(nvidia-cuda-runtime|nvidia-cuda-cupti)(-cu\d+)?$")


def requirements(metadata_text):
    msg = email.parser.Parser().parsestr(metadata_text)
    return msg.get_all("Requires-Dist") or []


def split(req):
    spec, _, marker = req.partition(";")
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*(.*)$", spec)
    return m.group(1), m.group(2) or "", m.group(3).replace(" ", ""), marker


def main():
    meta = (pathlib.Path(sys.argv[1]) / "METADATA").read_text()
    out = []
    for req in requirements(meta):
        name, extras, version, marker = split(req)
        if "extra ==" in marker:
            continue
        if WANTED.match(name):
            out.append(name + version)
        elif name == "cuda-toolkit":
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run([sys.executable, "-m", "pip", "--isolated", "download", "-q", "--no-deps", "--disable-pip-version-check",
                                "-d", tmp, name + version], check=True)
                wheel = next(pathlib.Path(tmp).glob("*.whl"))
                with zipfile.ZipFile(wheel) as z:
                    inner = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
                    toolkit_meta = z.read(inner).decode()
            for treq in requirements(toolkit_meta):
                tname, _, tversion, tmarker = split(treq)
                if WANTED.match(tname) and ("'cudart'" in tmarker or "'cupti'" in tmarker) \
                        and "x86_64" in tmarker:
                    out.append(tname + tversion)
    for line in sorted(set(out)):
        print(line)


if __name__ == "__main__":
    main()
