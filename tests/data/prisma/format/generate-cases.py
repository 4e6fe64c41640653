#!/usr/bin/env python3
"""Random schemas for differential-check.sh: mutated copies of the fixtures of tests/data/prisma
(inserted comments, blanks, broken lines, CRLF, ...) and small generated schemas whose relations
miss fields, attributes or arguments in every combination `prisma format` completes.

usage: generate-cases.py OUT_DIR [--mutations N] [--relations N] [--seed S]
"""
import argparse
import glob
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)

SNIPPETS = [
    '// c', '/// doc', '/* blk */', '/* a\n b */', '', '   ', '\t', '@@index([id])', '@@map("x")',
    'garbage (', 'x Int', 'y String? @default("a")', '}', '{', 'model', 'type A = B', '@id',
    '  // indented', 'z Int @map("z") @id', '\u00a0', 'enum E {\nA\n}', 'w Int // t', 'v Int[]',
    'u Int!', '[Int]', 'q: Int', 'p Json @default("{}")', '/* x */  ', '  /* y */ ',
    '/* m\n  * l */   ', 'type T = X @a  ', 'type U = Y @b(1)  ', 'type V = Z  ', '@@id([a, b])',
    '@@unique([x]) // c', 'a Int @relation(fields: [b], references: [c])', '\t/// tabbed doc\t',
    'model M {\n  id Int @id\n}', '// \u00e9\u00e8 unicode', 'k = "v"', 'key = [1, 2]', 'url =',
    '@default(now())',
]


def mutated(rng, texts):
    lines = rng.choice(texts).split('\n')
    for _ in range(rng.randint(1, 8)):
        op = rng.random()
        i = rng.randrange(len(lines) + 1)
        if op < 0.35:
            lines.insert(i, rng.choice(SNIPPETS))
        elif op < 0.5 and lines:
            j = rng.randrange(len(lines))
            lines[j] += rng.choice([' // tc', '  ', '\t', ' /// d', ' @unique', ','])
        elif op < 0.6 and lines:
            j = rng.randrange(len(lines))
            lines[j] = lines[j].replace(' ', rng.choice(['  ', '\t', ' \t ']), 1)
        elif op < 0.7 and lines:
            del lines[rng.randrange(len(lines))]
        elif op < 0.8 and lines:
            j = rng.randrange(len(lines))
            lines[j] = lines[j].strip()
        else:
            lines.insert(i, '')
    text = rng.choice(['\n', '\n', '\n', '\r\n']).join(lines)
    return text.rstrip('\n') if rng.random() < 0.2 else text


NAMES = ['User', 'Post', 'Comment', 'Category', 'Person', 'Address', 'VerificationToken', 'Box',
         'Status', 'user_profile']


def relations(rng):
    models = rng.sample(NAMES, rng.randint(2, 4))
    body = {m: [] for m in models}
    attributes = {m: [] for m in models}
    ids = {}
    out = ['datasource db {\n  provider = "postgresql"\n}\n']
    has_enum = rng.random() < 0.3
    if has_enum:
        out.append('enum Kind {\n  A\n  B\n}\n')
    for m in models:
        r = rng.random()
        if r < 0.5:
            t = rng.choice(['Int', 'String', 'BigInt'])
            native = rng.choice(['', '', ' @db.VarChar(20)', ' @db.Uuid']) if t == 'String' else ''
            body[m].append(f'id {t} @id{native}')
            ids[m] = [('id', t)]
        elif r < 0.65:
            body[m] += ['a Int', 'b String']
            attributes[m].append('@@id([a, b])')
            ids[m] = [('a', 'Int'), ('b', 'String')]
        elif r < 0.8:
            body[m].append('code String @unique')
            ids[m] = [('code', 'String')]
        elif r < 0.9 and has_enum:
            body[m].append('kind Kind @id')
            ids[m] = [('kind', 'Kind')]
        else:
            body[m].append('name String')
            ids[m] = []
        if rng.random() < 0.1:
            attributes[m].append('@@ignore')
    for _ in range(rng.randint(1, 4)):
        a, b = rng.choice(models), rng.choice(models)
        name = rng.choice(['', '', '', '"r1"', '"r2"'])
        field = b[0].lower() + b[1:] + str(rng.randint(0, 2))
        if rng.random() < 0.5:  # the forward side, maybe incomplete, maybe a back side
            arity = rng.choice(['', '?'])
            keys = [(field + f[0].upper() + f[1:], t) for f, t in ids.get(b, [])]
            for key, t in keys:
                if rng.random() < 0.8:
                    unique = ' @unique' if rng.random() < 0.2 and len(keys) == 1 else ''
                    body[a].append(f'{key} {t}{arity}{unique}')
            args = [name] if name else []
            if rng.random() < 0.8 and keys:
                args.append('fields: [' + ', '.join(k for k, _ in keys) + ']')
            if rng.random() < 0.8 and keys:
                args.append('references: [' + ', '.join(f for f, _ in ids[b]) + ']')
            if rng.random() < 0.2:
                args.append('onDelete: Cascade')
            if args:
                attribute = rng.choice(['', ' @relation(' + ', '.join(args) + ')'])
            else:
                attribute = rng.choice(['', ' @relation'])
            body[a].append(f'{field} {b}{arity}{attribute}')
            if rng.random() < 0.4:
                back = f' @relation({name})' if name else ''
                body[b].append(f'{a[0].lower() + a[1:]}Back{rng.randint(0, 9)} {a}'
                               f'{rng.choice(["[]", "?", ""])}{back}')
        else:  # a back side alone
            back = f' @relation({name})' if name else ''
            body[a].append(f'{field} {b}{rng.choice(["[]", "[]", "?"])}{back}')
    for m in models:
        fields = '\n'.join('  ' + f for f in body[m])
        extra = ''.join('\n  ' + x for x in attributes[m])
        out.append(f'model {m} {{\n{fields}{chr(10) + extra if extra else ""}\n}}\n')
    return '\n'.join(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('out')
    parser.add_argument('--mutations', type=int, default=300)
    parser.add_argument('--relations', type=int, default=300)
    parser.add_argument('--seed', type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sources = sorted(glob.glob(f'{DATA}/fixtures/*.prisma') + glob.glob(f'{DATA}/errors/*.prisma')
                     + glob.glob(f'{HERE}/cases/*.prisma'))
    texts = [open(f, 'rb').read().decode('utf-8', 'replace') for f in sources]
    os.makedirs(args.out, exist_ok=True)
    for n in range(args.mutations):
        with open(f'{args.out}/mutation-{n:04d}.prisma', 'w', encoding='utf-8', newline='') as f:
            f.write(mutated(rng, texts))
    for n in range(args.relations):
        with open(f'{args.out}/relations-{n:04d}.prisma', 'w', encoding='utf-8') as f:
            f.write(relations(rng))


main()
