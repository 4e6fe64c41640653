#!/usr/bin/env python3
"""Schemas for the validator's harder paths, for differential-check.sh: constraint names that
clash in every provider's scopes, names past each provider's length limit, models named after
reserved words (and near misses), and enum defaults with non-ASCII values, lists and misses.

    generate-validation-cases.py OUT [--seed N] [--count N]
"""
import argparse
import os
import random

PROVIDERS = ["postgresql", "mysql", "sqlserver", "sqlite", "cockroachdb"]
RESERVED = ["PrismaClient", "break", "case", "catch", "class", "const", "continue", "debugger",
            "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally",
            "for", "function", "if", "implements", "import", "in", "instanceof", "interface",
            "let", "new", "null", "package", "private", "protected", "public", "return", "super",
            "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
            "yield"]
NEAR_MISSES = ["Class", "breaks", "prismaClient", "PrismaClients", "a", "zzz", "yields", "A",
               "Prisma", "de", "nul", "whilee", "Z0", "with_", "x-y", "1abc"]


def constraint_clashes(rnd):
    pool = ["A", "B", "C", "M0_pkey", "M1_pkey", "M0_a_idx", "M1_m0Id_fkey", "M0_a_key"]

    def mapped(p):
        return f', map: "{rnd.choice(pool)}"' if rnd.random() < p else ""

    s = f'datasource db {{\n  provider = "{rnd.choice(PROVIDERS)}"\n}}\n\n'
    s += 'generator c {\n  provider = "prisma-client-js"\n'
    if rnd.random() < 0.3:
        s += '  previewFeatures = ["views"]\n'
    s += '}\n'
    models = rnd.randint(2, 4)
    for m in range(models):
        s += f'\n{"view" if rnd.random() < 0.15 else "model"} M{m} {{\n'
        compound = rnd.random() < 0.2
        id_map = f'(map: "{rnd.choice(pool)}")' if rnd.random() < 0.4 else ""
        s += '  id Int' + ("" if compound else f' @id{id_map}') + '\n'
        unique = ""
        if rnd.random() < 0.4:
            unique = ' @unique' + (f'(map: "{rnd.choice(pool)}")' if rnd.random() < 0.5 else "")
        s += f'  a String @default("x"{mapped(0.4)}){unique}\n'
        s += f'  b Int @default(0{mapped(0.3)})\n'
        if m > 0:
            t = rnd.randrange(m)
            optional = "?" if rnd.random() < 0.3 else ""
            s += f'  m{t}Id Int{optional}\n'
            s += (f'  m{t} M{t}{optional} @relation(fields: [m{t}Id], references: [id]'
                  f'{mapped(0.5)})\n')
        for k in range(m + 1, models):
            if rnd.random() < 0.9:
                s += f'  back{k} M{k}[]\n'
        if compound:
            name = f', name: "{rnd.choice(pool)}"' if rnd.random() < 0.5 else ""
            s += f'  @@id([id, a]{name}{mapped(0.4)})\n'
        for _ in range(rnd.randint(0, 3)):
            attribute = rnd.choice(["@@index", "@@unique", "@@unique"])
            name = ""
            if attribute == "@@unique" and rnd.random() < 0.5:
                name = f', name: "{rnd.choice(pool)}"'
            s += f'  {attribute}([{rnd.choice(["a", "b", "a, b"])}]{name}{mapped(0.6)})\n'
        if rnd.random() < 0.2:
            s += f'  @@map("{rnd.choice(["t", "u", "M0"])}")\n'
        s += '}\n'
    return s


def long_names(rnd):
    base = "".join(rnd.choice("abcdefghij") for _ in range(rnd.randint(40, 80)))
    if rnd.random() < 0.3:
        base = "É" + base + "ñ" * rnd.randint(0, 10)
    name = "M" + base
    field = "f" + "".join(rnd.choice("xyz") for _ in range(rnd.randint(5, 40)))
    return (f'datasource db {{\n  provider = "{rnd.choice(PROVIDERS)}"\n}}\n\n'
            f'model {name} {{\n  id Int @id\n  {field} String @unique\n  b Int @default(1)\n'
            f'  @@index([{field}, b])\n  @@unique([b, {field}])\n}}\n\n'
            f'model {name}2 {{\n  id Int @id\n  {field} String @unique\n'
            f'  @@index([{field}])\n}}\n')


def reserved_names():
    for name in RESERVED + NEAR_MISSES:
        for kind in ["model", "enum", "view", "type"]:
            if kind == "enum":
                body = f'enum {name} {{\n  A\n  B\n}}\n'
            elif kind == "type":
                body = f'type {name} {{\n  x Int\n}}\n'
            else:
                body = f'{kind} {name} {{\n  id Int @id\n}}\n'
            yield 'datasource db {\n  provider = "postgresql"\n}\n\n' + body


def enum_defaults(rnd):
    values = ["A", "B", "café", "Ñandú", "naïve", "ÉTÉ", "x_y", "Zz9", "日本", "ß"]
    members = rnd.sample(values, rnd.randint(1, 5))
    is_list = rnd.random() < 0.3
    if is_list:
        default = "[" + ", ".join(rnd.choice(values + ["Q"])
                                  for _ in range(rnd.randint(0, 3))) + "]"
    else:
        default = rnd.choice(values + ["Q", "cafe", "CAFÉ"])
    return (f'datasource db {{\n  provider = "{rnd.choice(["postgresql", "mysql", "sqlite"])}"\n}}'
            '\n\nenum E {\n' + "".join(f'  {v}\n' for v in members) + '}\n\n'
            f'model M {{\n  id Int @id\n  e E{"[]" if is_list else ""} @default({default})\n}}\n')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    cases = [("clash", constraint_clashes(rnd)) for _ in range(args.count)]
    cases += [("long", long_names(rnd)) for _ in range(args.count // 5)]
    cases += [("enum", enum_defaults(rnd)) for _ in range(args.count // 5)]
    cases += [("reserved", text) for text in reserved_names()]
    for i, (kind, text) in enumerate(cases):
        with open(os.path.join(args.out, f"{kind}-{i:05d}.prisma"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
