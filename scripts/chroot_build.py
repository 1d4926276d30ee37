"""Builds the Dockerfile without a Docker engine, then runs the image and asks it a question.

Where only the Docker client exists (this project's machines), `docker build` cannot run. This
script carries out the Dockerfile's own instructions, as Docker would, stage by stage, each stage in
its own Debian bookworm root file system (debootstrap), with `chroot`:

  FROM, ARG, ENV, SHELL, WORKDIR, USER, COPY (with .dockerignore and --from), RUN (with
  --mount=type=bind,from=STAGE), VOLUME, EXPOSE, HEALTHCHECK, CMD.

`--run` then starts the final stage's CMD as its USER with the network cut (`unshare -n`, loopback
only: the image must need nothing from outside), waits for its HEALTHCHECK command to pass, asks
the API a question and checks the cited answer.

The one difference from a real build: the base image. `python:3.11.12-slim-bookworm` is Debian
bookworm with python.org's CPython 3.11.12 in /usr/local; here it is Debian bookworm with Debian's
python3 (3.11.2), linked as /usr/local/bin/python. Needs root, debootstrap and ~6 GB of disk.

  sudo python3 scripts/chroot_build.py --work /var/tmp/aa-build --run
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE_IMAGES = {"python:3.11.12-slim-bookworm"}
IMAGE_ENV = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"}
# What the python slim image has beyond a minimal bookworm: Python with venv and pip, CA certificates.
HOST_CA = Path("/etc/ssl/certs/ca-certificates.crt")
BASE_PACKAGES = ["python3", "python3-venv", "python3-pip", "python3-dev", "ca-certificates"]


def instructions(path: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comment lines dropped."""
    out, current = [], ""
    for line in path.read_text().splitlines():
        if line.lstrip().startswith("#") or (not current and not line.strip()):
            continue  # Docker drops comment lines, inside a continuation too
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        current += line
        keyword, _, args = current.strip().partition(" ")
        out.append((keyword.upper(), args.strip()))
        current = ""
    return out


def expand(text: str, env: dict[str, str]) -> str:
    return re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: env.get(m.group(1) or m.group(2), ""), text)


def assignments(args: str, env: dict[str, str]) -> dict[str, str]:
    """KEY=VALUE pairs of an ENV or ARG line (values may be quoted and use earlier variables)."""
    out = {}
    for token in shlex.split(args):
        key, sep, value = token.partition("=")
        out[key] = expand(value, {**env, **out}) if sep else env.get(key, "")
    return out


def ignored(rel: str, patterns: list[str]) -> bool:
    """.dockerignore: the last pattern matching the path or one of its parents decides."""
    result = False
    parts = rel.split("/")
    for pattern in patterns:
        negate = pattern.startswith("!")
        pat = pattern.lstrip("!").rstrip("/")
        prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
        if any(fnmatch.fnmatchcase(p, pat) or (pat.startswith("**/") and fnmatch.fnmatchcase(p.split("/")[-1], pat[3:]))
               for p in prefixes):
            result = not negate
    return result


@dataclass
class Stage:
    name: str
    root: Path
    env: dict[str, str] = field(default_factory=lambda: dict(IMAGE_ENV))
    args: dict[str, str] = field(default_factory=dict)
    shell: list[str] = field(default_factory=lambda: ["/bin/sh", "-c"])
    workdir: str = "/"
    user: str = "0:0"
    meta: dict[str, object] = field(default_factory=dict)


class Builder:
    def __init__(self, work: Path, base: Path, build_args: dict[str, str], context: Path = ROOT):
        self.work, self.base, self.context = work, base, context
        self.build_args = build_args
        self.stages: dict[str, Stage] = {}
        patterns = (context / ".dockerignore").read_text().splitlines() if (context / ".dockerignore").exists() else []
        self.ignore = [p.strip() for p in patterns if p.strip() and not p.strip().startswith("#")]

    # -- the base image -----------------------------------------------------------------------------
    def prepare_base(self) -> None:
        if (self.base / "usr/local/bin/python").exists():
            return
        if not (self.base / "bin/bash").exists():
            run(["debootstrap", "--variant=minbase", "bookworm", str(self.base), "http://deb.debian.org/debian"])
        with mounts(self.base):
            chroot(self.base, ["apt-get", "update"], IMAGE_ENV)
            chroot(self.base, ["apt-get", "install", "-y", "--no-install-recommends", *BASE_PACKAGES],
                   {**IMAGE_ENV, "DEBIAN_FRONTEND": "noninteractive"})
        (self.base / "usr/local/bin/python").symlink_to("/usr/bin/python3")
        # The python image's own pip is not Debian's externally-managed one.
        for marker in (self.base / "usr/lib").glob("python3*/EXTERNALLY-MANAGED"):
            marker.unlink()

    # -- the build ----------------------------------------------------------------------------------
    def build(self, dockerfile: Path) -> Stage:
        stage: Stage | None = None
        global_args: dict[str, str] = {}
        for n, (keyword, args) in enumerate(instructions(dockerfile), 1):
            t0 = time.monotonic()
            print(f"[{n}] {keyword} {args[:150]}", flush=True)
            if keyword == "FROM":
                stage = self.start_stage(args)
                stage.args.update(global_args)
            elif stage is None and keyword == "ARG":
                global_args.update(assignments(args, self.build_args))
            elif stage is None:
                raise SystemExit(f"{keyword} before FROM is not supported")
            else:
                getattr(self, f"do_{keyword.lower()}")(stage, args)
            if time.monotonic() - t0 > 5:
                print(f"    done in {time.monotonic() - t0:.0f} s", flush=True)
        assert stage is not None
        return stage

    def start_stage(self, args: str) -> Stage:
        image, _, name = args.partition(" AS ")
        name = name.strip() or f"stage{len(self.stages)}"
        if image.strip() not in BASE_IMAGES:
            raise SystemExit(f"FROM {image}: only {sorted(BASE_IMAGES)} has a stand-in here")
        root = self.work / name
        if root.exists():
            shutil.rmtree(root)
        run(["cp", "-a", str(self.base), str(root)])
        self.stages[name] = stage = Stage(name, root)
        return stage

    def do_arg(self, stage: Stage, args: str) -> None:
        for key, value in assignments(args, {}).items():
            stage.args[key] = self.build_args.get(key, value)

    def do_env(self, stage: Stage, args: str) -> None:
        stage.env.update(assignments(args, {**stage.args, **stage.env}))

    def do_shell(self, stage: Stage, args: str) -> None:
        stage.shell = json.loads(args)

    def do_workdir(self, stage: Stage, args: str) -> None:
        stage.workdir = expand(args, stage.env)
        (stage.root / stage.workdir.lstrip("/")).mkdir(parents=True, exist_ok=True)

    def do_user(self, stage: Stage, args: str) -> None:
        stage.user = args.strip()

    def do_copy(self, stage: Stage, args: str) -> None:
        tokens = shlex.split(args)
        flags = dict(t[2:].split("=", 1) for t in tokens if t.startswith("--"))
        paths = [expand(t, stage.env) for t in tokens if not t.startswith("--")]
        sources, dest = paths[:-1], paths[-1]
        origin = self.stages[flags["from"]].root if "from" in flags else self.context
        target = stage.root / dest.lstrip("/")
        for src in sources:
            path = origin / src.lstrip("/")
            if "from" not in flags and ignored(src.rstrip("/"), self.ignore):
                raise SystemExit(f"COPY {src}: excluded by .dockerignore")
            if path.is_dir():
                self.copy_tree(path, target, "from" in flags)
            else:
                into = target / path.name if dest.endswith("/") or target.is_dir() else target
                into.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, into)

    def copy_tree(self, src: Path, target: Path, whole: bool) -> None:
        for path in sorted(src.rglob("*")):
            rel = path.relative_to(src)
            if not whole and ignored(str(path.relative_to(self.context)), self.ignore):
                continue
            out = target / rel
            if path.is_symlink():
                out.parent.mkdir(parents=True, exist_ok=True)
                if out.exists() or out.is_symlink():
                    out.unlink()
                out.symlink_to(os.readlink(path))
            elif path.is_dir():
                out.mkdir(parents=True, exist_ok=True)
            else:
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, out)
        target.mkdir(parents=True, exist_ok=True)

    def do_run(self, stage: Stage, args: str) -> None:
        binds = []
        while args.startswith("--mount="):
            spec, _, args = args.partition(" ")
            opts = dict(kv.split("=", 1) for kv in spec[len("--mount="):].split(","))
            if opts.get("type") != "bind":
                raise SystemExit(f"RUN --mount type {opts.get('type')} is not supported")
            binds.append((self.stages[opts["from"]].root / opts["source"].lstrip("/"), opts["target"]))
            args = args.lstrip()
        env = {**stage.args, **stage.env}
        if HOST_CA.exists():
            # This machine reaches PyPI through a TLS-inspecting proxy: the build trusts its CA, as a
            # `docker build` here would need to (it is bound for the RUN only, never kept in the image).
            binds.append((HOST_CA, str(HOST_CA)))
            env.setdefault("PIP_CERT", str(HOST_CA))
        with mounts(stage.root, binds):
            chroot(stage.root, stage.shell + [args], env, stage.workdir, stage.user)

    def do_volume(self, stage: Stage, args: str) -> None:
        stage.meta["volumes"] = json.loads(args)

    def do_expose(self, stage: Stage, args: str) -> None:
        stage.meta["expose"] = args.split()

    def do_healthcheck(self, stage: Stage, args: str) -> None:
        options = dict(re.findall(r"--([\w-]+)=(\S+)", args))
        stage.meta["healthcheck"] = {"options": options, "cmd": json.loads(args[args.index("CMD") + 3:])}

    def do_cmd(self, stage: Stage, args: str) -> None:
        stage.meta["cmd"] = json.loads(args)


# -- running ---------------------------------------------------------------------------------------

def run(cmd: list[str], **kwargs) -> None:
    subprocess.run(cmd, check=True, **kwargs)


class mounts:
    """/proc, /dev and the host's resolv.conf inside a root for the time of a RUN, plus bind mounts."""

    def __init__(self, root: Path, binds: list[tuple[Path, str]] = ()):
        self.root, self.binds, self.done = root, list(binds), []

    def __enter__(self):
        shutil.copy2("/etc/resolv.conf", self.root / "etc/resolv.conf")
        for src, target, opts in [("proc", "proc", ["-t", "proc"]), ("/dev", "dev", ["--bind"]),
                                  ("/dev/pts", "dev/pts", ["--bind"]),
                                  # Docker gives every container a /dev/shm of 64 MB (semaphores live there).
                                  ("tmpfs", "dev/shm", ["-t", "tmpfs", "-o", "mode=1777,size=64m"])] + \
                [(str(s), t.lstrip("/"), ["--bind", "-o", "ro"]) for s, t in self.binds]:
            where = self.root / target
            if Path(src).is_dir() or opts[0] == "-t":
                where.mkdir(parents=True, exist_ok=True)
            else:
                where.parent.mkdir(parents=True, exist_ok=True)
                where.touch()
            run(["mount", *opts, src, str(where)])
            self.done.append(where)
        return self

    def __exit__(self, *exc):
        for where in reversed(self.done):
            subprocess.run(["umount", "-l", str(where)], check=False)


def _account(root: Path, user: str) -> tuple[int, int, str]:
    """(uid, gid, home) of USER in the image's /etc/passwd (Docker sets HOME from it too)."""
    name, _, group = user.partition(":")
    for line in (root / "etc/passwd").read_text().splitlines():
        fields = line.split(":")
        if fields[0] == name or fields[2] == name:
            return int(fields[2]), int(group or fields[3]), fields[5]
    if name.isdigit():
        return int(name), int(group or name), "/"
    raise SystemExit(f"USER {user}: no such user in the image")


def chroot(root: Path, argv: list[str], env: dict[str, str], workdir: str = "/", user: str = "0:0",
           background: bool = False, **kwargs):
    uid, gid, home = _account(root, user)

    def enter() -> None:
        os.chroot(root)
        os.chdir(workdir)
        if uid or gid:
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)

    env = {"HOME": home, **env}
    if background:
        return subprocess.Popen(argv, env=env, preexec_fn=enter, **kwargs)
    return subprocess.run(argv, env=env, preexec_fn=enter, check=True, **kwargs)


def run_image(stage: Stage, question: str) -> dict:
    """Inside a network namespace with only loopback: CMD as USER, the HEALTHCHECK until it passes,
    one question to the API."""
    run(["ip", "link", "set", "lo", "up"])
    health = stage.meta["healthcheck"]
    start_period = float(health["options"].get("start-period", "300s").rstrip("s"))
    port = stage.env.get("ASSISTANT_PORT", "7860")
    with mounts(stage.root), open(stage.root.parent / "container.log", "w") as log:
        server = chroot(stage.root, stage.meta["cmd"], stage.env, stage.workdir, stage.user, background=True,
                        stdout=log, stderr=subprocess.STDOUT)
        try:
            t0, healthy = time.monotonic(), False
            while time.monotonic() - t0 < start_period and server.poll() is None:
                try:
                    chroot(stage.root, health["cmd"], stage.env, stage.workdir, stage.user,
                           capture_output=True, timeout=15)
                    healthy = True
                    break
                except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
                    time.sleep(3)
            ready = time.monotonic() - t0
            if not healthy:
                raise SystemExit(f"the HEALTHCHECK never passed ({ready:.0f} s); log: {log.name}")
            print(f"healthy after {ready:.0f} s", flush=True)
            request = urllib.request.Request(f"http://127.0.0.1:{port}/api/ask", method="POST",
                                             data=json.dumps({"question": question}).encode(),
                                             headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=120) as response:
                answer = json.loads(response.read())
            answer["ready_s"] = round(ready, 1)
            return answer
        finally:
            server.terminate()
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/var/tmp/aa-chroot-build"))
    parser.add_argument("--base", type=Path, help="a debootstrapped bookworm to start from (default WORK/base)")
    parser.add_argument("--build-arg", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--run", action="store_true", help="after the build, run the image and ask it a question")
    parser.add_argument("--run-only", action="store_true", help="run the image built before, without building")
    parser.add_argument("--question", default="Quantas pessoas morreram no ataque em Sumy?")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    opts = parser.parse_args(argv)
    if os.geteuid() != 0:
        raise SystemExit("needs root (debootstrap, chroot, mount)")
    builder = Builder(opts.work, opts.base or opts.work / "base", dict(a.split("=", 1) for a in opts.build_arg))
    state = opts.work / "final-stage.json"
    if opts.inner:
        data = json.loads(state.read_text())
        stage = Stage(**{**data, "root": Path(data["root"])})
        answer = run_image(stage, opts.question)
        print(json.dumps(answer, ensure_ascii=False))
        ok = not answer.get("refused") and answer.get("citations") and "[1]" in answer.get("answer", "")
        return 0 if ok else 1
    if not opts.run_only:
        opts.work.mkdir(parents=True, exist_ok=True)
        t0 = time.monotonic()
        builder.prepare_base()
        stage = builder.build(ROOT / "Dockerfile")
        state.write_text(json.dumps({**asdict(stage), "root": str(stage.root)}))
        size = subprocess.run(["du", "-sh", str(stage.root)], capture_output=True, text=True).stdout.split()[0]
        print(f"built in {time.monotonic() - t0:.0f} s; final stage {stage.root} ({size})", flush=True)
    if opts.run or opts.run_only:
        return subprocess.run(["unshare", "-n", sys.executable, __file__, "--work", str(opts.work), "--inner",
                               "--question", opts.question]).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
