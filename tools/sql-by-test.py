#!/usr/bin/env python3
"""Which scenario tests run which of the project's SQL statements on PostgreSQL, and what the
PostgreSQL suite (@AlsoOnPostgres) would miss. See docs/decisions/0009-postgresql-suite-subset.md.

1. Run the whole scenario layer on PostgreSQL with the server logging every statement:
     ./mvnw -B -o test -Dpow.test.postgres=true -Djunit.jupiter.extensions.autodetection.enabled=true \
         -Dpow.test.postgres.log-statements=true -Dtest='!*BrowserTest,!*IT' -Dsurefire.failIfNoSpecifiedTests=false
   (IntegrationTest writes a marker "pow-test Class.method" before each test.)
2. python3 tools/sql-by-test.py /var/log/postgresql/postgresql-15-main.log powx_test_<the run's database>
"""
import os
import re
import sys
from collections import defaultdict

log, db = sys.argv[1], sys.argv[2]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')

# the project's tables, from its migrations
tables = set()
mig = os.path.join(root, 'src/main/resources/db/migration')
for f in os.listdir(mig):
    tables |= {t.lower() for t in re.findall(r'create table (?:if not exists )?(\w+)', open(os.path.join(mig, f)).read(), re.I)}
table_re = re.compile(r'\b(' + '|'.join(sorted(tables, key=len, reverse=True)) + r')\b')

# statements of our database, in order; a line without the log prefix continues the one before
entry = re.compile(r'^\d{4}-\d\d-\d\d [\d:.]+ \w+ \[\d+\] \S*@(\S+) (\w+):\s+(.*)$')
statements = []
current = None
with open(log, errors='replace') as f:
    for line in f:
        m = entry.match(line)
        if m:
            current = None
            if m.group(1) == db and m.group(2) == 'LOG':
                body = re.sub(r'^(execute [^:]*|statement): ', '', m.group(3))
                if body != m.group(3):
                    current = [body]
                    statements.append(current)
        elif current is not None:
            current.append(line.strip())

test = '(start-up)'
by_statement = defaultdict(set)
for parts in statements:
    sql = ' '.join(' '.join(parts).split())
    marker = re.match(r"select 'pow-test (\S+)'", sql)
    if marker:
        test = marker.group(1)
        continue
    low = sql.lower()
    if 'act_' in low or 'pow_schema_history' in low or not table_re.search(low):
        continue  # the engine's own SQL, Flyway's book-keeping, session settings
    by_statement[re.sub(r"'[^']*'", "'?'", low)].add(test)

# the PostgreSQL suite: classes and methods carrying @AlsoOnPostgres
tagged_classes, tagged_methods = set(), set()
for dirpath, _, files in os.walk(os.path.join(root, 'src/test/java')):
    for name in files:
        if name.endswith('.java'):
            src = open(os.path.join(dirpath, name)).read()
            cls = name[:-5]
            if re.search(r'@AlsoOnPostgres\s*\n(?:@\w+.*\n)*\s*(?:public\s+)?(?:abstract\s+)?class ' + cls, src):
                tagged_classes.add(cls)
            for m in re.finditer(r'@AlsoOnPostgres\b[^\n]*\n(?:\s*@\w+[^\n]*\n)*\s*(?:public\s+)?void (\w+)', src):
                tagged_methods.add(cls + '.' + m.group(1))


def in_suite(t):
    return t == '(start-up)' or t.split('.')[0] in tagged_classes or t in tagged_methods


missed = {s: ts for s, ts in by_statement.items() if not any(in_suite(t) for t in ts)}
print(f'{len(by_statement)} distinct project statements on PostgreSQL; the PostgreSQL suite runs '
      f'{len(by_statement) - len(missed)}, misses {len(missed)}')
for s, ts in sorted(missed.items()):
    print(f'  MISSED {s[:160]}\n         run by {sorted(ts)}')
if '-v' in sys.argv:
    for s, ts in sorted(by_statement.items()):
        print(f'{len(ts):3d} {s[:140]}  <- {sorted(ts)[:4]}')
