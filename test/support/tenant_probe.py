"""One Superset instance's view of a shared Valkey, through the real clients Superset uses.

The rendered superset_config.py named by SUPERSET_CONFIG_PATH is loaded the way Superset loads it (a module called
superset_config), and the Celery app is built as superset/tasks/celery_app.py and superset/initialization do:
Celery(), then config_from_object(CELERY_CONFIG). Superset itself cannot be installed here.

As a Celery app module (`python3 -m celery --app=tenant_probe:app worker ...`), it registers a task under the name
of Superset's SQL Lab task that records which worker (PROBE_ID) ran it, in PROBE_LOG.

As a program:
  send TAG N        sends N tasks (half as Superset calls them, half as beat sends them) and prints their results
  caches TAG        prints what every cache section and RESULTS_BACKEND read for one key, then writes TAG there
  coordination      round-trips a key, a pub/sub message and a stream entry through DISTRIBUTED_COORDINATION_CONFIG
  ping              connects the Celery broker and result backend and reports the host each client used
  trespass SCOPE    tries to read and write a key under another SCOPE with this instance's credentials
  keys URL          prints every key of every database of the server at URL (an admin view)
"""
import importlib.util
import json
import os
import sys

from celery import Celery

CACHE_SECTIONS = (
    "CACHE_CONFIG",
    "DATA_CACHE_CONFIG",
    "FILTER_STATE_CACHE_CONFIG",
    "EXPLORE_FORM_DATA_CACHE_CONFIG",
    "THUMBNAIL_CACHE_CONFIG",
    # Superset reads this one with RedisCacheBackend.from_config (see coordination); it must work here too.
    "DISTRIBUTED_COORDINATION_CONFIG",
)
TASK_NAME = "sql_lab.get_sql_results"
KEY = "shared-key"


def load_superset_config():
    spec = importlib.util.spec_from_file_location("superset_config", os.environ["SUPERSET_CONFIG_PATH"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


config = load_superset_config()
app = Celery("superset")
app.config_from_object(config.CELERY_CONFIG)


@app.task(name=TASK_NAME)
def probe(arg):
    with open(os.environ["PROBE_LOG"], "a", encoding="utf-8") as log:
        log.write(arg + "\n")
    return {"worker": os.environ["PROBE_ID"], "arg": arg}


def send(tag, count):
    results = []
    for index in range(count):
        arg = "%s-%d" % (tag, index)
        # Superset calls its tasks with delay/apply_async; beat sends schedule entries by name.
        results.append(probe.delay(arg) if index % 2 == 0 else app.send_task(TASK_NAME, args=[arg]))
    print(json.dumps([dict(result.get(timeout=30), id=result.id) for result in results]))


def caches(tag):
    from flask import Flask
    from flask_caching import Cache

    read = {}
    for section in CACHE_SECTIONS:
        flask_app = Flask("probe-" + section)
        cache = Cache(flask_app, config=getattr(config, section))
        with flask_app.app_context():
            read[section] = cache.get(KEY)
            cache.set(KEY, tag)
            assert cache.get(KEY) == tag
    read["RESULTS_BACKEND"] = config.RESULTS_BACKEND.get(KEY)
    config.RESULTS_BACKEND.set(KEY, tag)
    assert config.RESULTS_BACKEND.get(KEY) == tag
    print(json.dumps(read))


def coordination_backend(section):
    """A faithful re-implementation of RedisCacheBackend.from_config (superset/async_events/cache_backend.py): the
    keys it reads with their defaults, the Flask-Caching RedisCache it subclasses, and the redis.Redis client it
    builds. redis-py 4.3 has no `protocol` argument (Superset passes protocol=2, the 4.x default), so it is left out."""
    import redis
    from flask_caching.backends.rediscache import RedisCache

    kwargs = {}
    if section.get("CACHE_REDIS_USER"):
        kwargs["username"] = section["CACHE_REDIS_USER"]
    cache = RedisCache(
        host=section.get("CACHE_REDIS_HOST", "localhost"),
        port=section.get("CACHE_REDIS_PORT", 6379),
        password=section.get("CACHE_REDIS_PASSWORD", None),
        db=section.get("CACHE_REDIS_DB", 0),
        default_timeout=section.get("CACHE_DEFAULT_TIMEOUT", 300),
        key_prefix=section.get("CACHE_KEY_PREFIX", None),
    )
    client = redis.Redis(
        host=section.get("CACHE_REDIS_HOST", "localhost"),
        port=section.get("CACHE_REDIS_PORT", 6379),
        password=section.get("CACHE_REDIS_PASSWORD", None),
        db=section.get("CACHE_REDIS_DB", 0),
        ssl=section.get("CACHE_REDIS_SSL", False),
        ssl_certfile=section.get("CACHE_REDIS_SSL_CERTFILE", None),
        ssl_keyfile=section.get("CACHE_REDIS_SSL_KEYFILE", None),
        ssl_cert_reqs=section.get("CACHE_REDIS_SSL_CERT_REQS", "required"),
        ssl_ca_certs=section.get("CACHE_REDIS_SSL_CA_CERTS", None),
        socket_timeout=section.get("CACHE_REDIS_SOCKET_TIMEOUT", None),
        socket_connect_timeout=section.get("CACHE_REDIS_SOCKET_CONNECT_TIMEOUT", None),
        **kwargs,
    )
    cache._write_client = cache._read_client = client
    return cache, client


def coordination():
    section = config.DISTRIBUTED_COORDINATION_CONFIG
    cache, client = coordination_backend(section)
    prefix = section["CACHE_KEY_PREFIX"]
    cache.set("lock", "held")
    report = {"get": cache.get("lock"), "raw_key_exists": bool(client.exists(prefix + "lock"))}
    pubsub = client.pubsub()
    channel = prefix + "channel"
    pubsub.subscribe(channel)
    pubsub.get_message(timeout=5)  # the subscribe confirmation
    client.publish(channel, "hello")
    message = pubsub.get_message(timeout=5)
    report["pubsub"] = message["data"].decode() if message else None
    stream = prefix + "stream"
    entry = client.xadd(stream, {"event": "done"})
    report["stream"] = [
        {key.decode(): value.decode() for key, value in fields.items()}
        for (_, entries) in client.xread({stream: 0}, count=10)
        for (entry_id, fields) in entries
        if entry_id == entry
    ]
    report["connection"] = {
        "class": client.connection_pool.connection_class.__name__,
        "username": client.connection_pool.connection_kwargs.get("username"),
        "db": client.connection_pool.connection_kwargs.get("db"),
    }
    print(json.dumps(report))


def ping():
    with app.connection_for_write() as connection:
        connection.ensure_connection(max_retries=1)
        broker = connection.default_channel.client
        report = {"broker": [broker.connection_pool.connection_kwargs["host"], broker.ping()]}
    backend = app.backend.client
    report["backend"] = [backend.connection_pool.connection_kwargs["host"], backend.ping()]
    print(json.dumps(report))


def trespass(scope):
    import redis

    client = redis.from_url(config.CACHE_CONFIG["CACHE_REDIS_URL"])
    report = {}
    for name, attempt in (("get", lambda: client.get(scope + "x")), ("set", lambda: client.set(scope + "x", "1"))):
        try:
            attempt()
            report[name] = "allowed"
        except redis.exceptions.NoPermissionError:
            report[name] = "NOPERM"
    print(json.dumps(report))


def keys(url):
    import redis

    everything = {}
    for db in range(16):
        client = redis.from_url(url, db=db)
        names = sorted(key.decode() for key in client.scan_iter(count=1000))
        if names:
            everything[str(db)] = names
    print(json.dumps(everything))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "send":
        send(sys.argv[2], int(sys.argv[3]))
    elif command == "caches":
        caches(sys.argv[2])
    elif command == "coordination":
        coordination()
    elif command == "ping":
        ping()
    elif command == "trespass":
        trespass(sys.argv[2])
    elif command == "keys":
        keys(sys.argv[2])
    else:
        sys.exit("unknown command " + command)
