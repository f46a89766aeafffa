"""Executes a rendered superset_config.py and prints, as JSON, the settings Superset would read.

stdin holds a JSON object of the files of the pod's /app/pythonpath (file name -> text); they are written into one
folder, as the kubelet projects the ConfigMaps, and superset_config.py is run from there.

Every upper-case module-level name is reported. Values that JSON cannot hold are described instead:
* a class defined by the config itself (CeleryConfig) -> {"__class__": name, <its public attributes>}
* any other class (NullPool) -> its name
* a cachelib RedisCache (RESULTS_BACKEND) -> its class, key prefix and the redis connection settings
* anything else -> repr()

When SQLALCHEMY_ENGINE_OPTIONS is set, an engine is also created from it (on a throw-away SQLite file, QueuePool
unless the options name a pool class) and its pool is reported under "__engine_pool__", which proves SQLAlchemy
accepts the options.
"""
import importlib
import json
import os
import runpy
import sys
import tempfile

REQUIRED_MODULES = ("sqlalchemy", "cachelib", "redis")
RUN_NAME = "superset_config"


def require_modules():
    missing = []
    for name in REQUIRED_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        sys.stderr.write(
            "missing Python module(s) for %s: %s (install the Debian python3-* packages)\n"
            % (sys.executable, ", ".join(missing))
        )
        sys.exit(3)


def describe_redis_cache(cache):
    pool = cache._write_client.connection_pool
    return {
        "__class__": type(cache).__name__,
        "key_prefix": cache.key_prefix,
        "default_timeout": cache.default_timeout,
        "connection_class": pool.connection_class.__name__,
        "connection_kwargs": {k: v for k, v in pool.connection_kwargs.items() if is_plain(v)},
    }


def is_plain(value):
    return value is None or isinstance(value, (str, int, float, bool))


def describe(value):
    from cachelib.redis import RedisCache

    if isinstance(value, type):
        if value.__module__ != RUN_NAME:
            return value.__name__
        attrs = {k: v for k, v in vars(value).items() if not k.startswith("_")}
        return {"__class__": value.__name__, **attrs}
    if isinstance(value, RedisCache):
        return describe_redis_cache(value)
    return repr(value)


def describe_engine_pool(options, folder):
    import sqlalchemy
    from sqlalchemy.pool import QueuePool

    engine = sqlalchemy.create_engine(
        "sqlite:///" + os.path.join(folder, "pool-check.db"), **{"poolclass": QueuePool, **options}
    )
    pool = engine.pool
    report = {"class": type(pool).__name__}
    if isinstance(pool, QueuePool):
        report.update(
            size=pool.size(),
            max_overflow=pool._max_overflow,
            recycle=pool._recycle,
            pre_ping=pool._pre_ping,
            timeout=pool._timeout,
        )
    engine.dispose()
    return report


def main():
    require_modules()
    files = json.load(sys.stdin)
    with tempfile.TemporaryDirectory() as folder:
        for name, text in files.items():
            with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
                handle.write(text)
        path = os.path.join(folder, "superset_config.py")
        settings = runpy.run_path(path, run_name=RUN_NAME)
        report = {name: value for name, value in settings.items() if name.isupper() and not name.startswith("_")}
        if "SQLALCHEMY_ENGINE_OPTIONS" in report:
            report["__engine_pool__"] = describe_engine_pool(report["SQLALCHEMY_ENGINE_OPTIONS"], folder)
    json.dump(report, sys.stdout, default=describe, sort_keys=True)


if __name__ == "__main__":
    main()
