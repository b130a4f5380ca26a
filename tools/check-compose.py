#!/usr/bin/env python3
"""Checks docker-compose.yml without Docker: the file, with its variables filled in as
`docker compose config` would (required ones with a placeholder), must validate against the
Compose Specification's JSON schema (tools/compose-spec.json, from github.com/compose-spec/compose-spec,
Apache-2.0), and the files it builds from or mounts must exist. Needs python3 with PyYAML and
jsonschema. Usage: tools/check-compose.py [docker-compose.yml]"""
import json, os, re, sys
import jsonschema, yaml

path = sys.argv[1] if len(sys.argv) > 1 else 'docker-compose.yml'
root = os.path.dirname(os.path.abspath(path))
text = open(path).read()

def fill(match):
    expr = match.group(1)
    name = re.split(r':?[-?+]', expr, maxsplit=1)[0]
    given = os.environ.get(name, '')
    alternative = re.search(r':\+(.*)$', expr)
    if alternative:  # ${NAME:+word}: word when NAME is set and not empty, else nothing
        return alternative.group(1) if given else ''
    if name in os.environ:
        return given
    default = re.search(r':-(.*)$', expr)
    return default.group(1) if default else 'placeholder'

document = yaml.safe_load(re.sub(r'\$\{([^}]*)\}', fill, text.replace('$$', '\0')).replace('\0', '$'))
schema = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'compose-spec.json')))
errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(document), key=lambda e: list(e.path))
for error in errors:
    print('%s: %s' % ('/'.join(map(str, error.path)) or '(top)', error.message))
missing = []
for name, service in document.get('services', {}).items():
    build = service.get('build')
    if isinstance(build, dict):
        dockerfile = os.path.join(root, build.get('context', '.'), build.get('dockerfile', 'Dockerfile'))
        if not os.path.exists(dockerfile):
            missing.append('%s: build.dockerfile %s' % (name, dockerfile))
    for volume in service.get('volumes', []):
        source = volume.split(':')[0] if isinstance(volume, str) else volume.get('source', '')
        if source.startswith('.') and not os.path.exists(os.path.join(root, source)):
            missing.append('%s: volume source %s' % (name, source))
for m in missing:
    print('missing ' + m)
if errors or missing:
    sys.exit(1)
print('%s: valid against the Compose Specification; %d services, every build file and mount present'
      % (path, len(document.get('services', {}))))
