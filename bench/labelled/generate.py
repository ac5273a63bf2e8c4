#!/usr/bin/env python3
"""Writes the labelled set of the similarity measure (docs/search.md) from subjects.txt.

For every subject: a proposal ("base"), a near-duplicate written from it by rewording ("reworded":
synonyms, sentences in another order, a clause left out, another title), and a
neighbour on the same object from another angle ("neighbour": shares the subject's
words but is not the same request). Deterministic (seeded), so the file is reviewable in git.

    python3 bench/labelled/generate.py > domain/src/test/resources/search/labelled-proposals.tsv
"""
import random
import pathlib

rng = random.Random(20)
here = pathlib.Path(__file__).parent
subjects = [l.split("|") for l in (here / "subjects.txt").read_text(encoding="utf-8").splitlines()
            if l.strip() and not l.startswith("#")]

SYNONYMS = [("加强", "强化"), ("建立", "建设"), ("推行", "实施"), ("规范", "整顿规范"), ("开展", "组织开展"),
            ("严重", "突出"), ("不足", "短缺"), ("建设", "新建"), ("推广", "普及"), ("完善", "健全"),
            ("落实", "压实"), ("设立", "设置"), ("居民", "住户"), ("群众", "市民"), ("老人", "老年人"),
            ("增多", "上升"), ("困难", "不易"), ("难", "不易"), ("实行", "施行"), ("补贴", "补助")]

TITLES = ["关于{o}问题的建议", "关于加强{o}管理的建议", "关于做好{o}工作的建议", "关于改进{o}的建议"]
NEW_TITLES = ["关于进一步改善{o}状况的提案", "对{o}有关问题的几点意见", "关于破解{o}难题的提议", "{o}亟待重视"]
ANGLES = [("宣传教育", "群众对{o}相关政策知晓率不高,宣传方式单一", "利用新媒体开展{o}政策宣传,编印通俗读本"),
          ("人才队伍", "{o}领域专业人员短缺,基层队伍不稳定", "与高校合作培养{o}专业人才,提高一线人员待遇"),
          ("统计监测", "{o}相关数据分散在多个部门,底数不清", "建立{o}数据共享平台,按季度发布监测报告"),
          ("立法保障", "{o}方面的地方性法规缺位,执法依据不足", "启动{o}地方立法调研,明确各方责任")]


def reword(text):
    out = text
    for a, b in rng.sample(SYNONYMS, len(SYNONYMS)):
        if a in out and rng.random() < 0.9:
            out = out.replace(a, b, 1)
    return out


def clauses(text):
    return [c for c in text.replace("、", ",").split(",") if c]


def base(o, p, m, i):
    title = TITLES[i % len(TITLES)].format(o=o)
    s = [f"近年来,我市{o}方面的问题日益突出,群众反映强烈。",
         f"主要表现为:{p}。",
         "这些问题影响了群众的切身利益,也制约了城市高质量发展。",
         f"为此建议:{m}。",
         "同时建议有关部门加强协调配合,形成工作合力。"]
    return title, "".join(s)


def reworded(o, p, m, i):
    title = NEW_TITLES[i % len(NEW_TITLES)].format(o=o)
    pc = clauses(p)
    if len(pc) > 2:
        pc.pop(rng.randrange(len(pc)))
    mc = clauses(m)
    if len(mc) > 1:
        mc.pop(rng.randrange(len(mc)))
    s = [f"{reword(o)}关系民生,{'、'.join(reword(c) for c in pc)}等情况时有发生。",
         f"提议:{reword(','.join(mc))},并加大督查力度。",
         "希望政府高度重视,及早研究解决。",
         f"据调查,不少市民对{o}意见较大。"]
    first, rest = s[0], s[1:]
    rng.shuffle(rest)
    return title, first + "".join(rest)


def neighbour(o, i):
    angle, p, m = ANGLES[i % len(ANGLES)]
    title = f"关于{o}{angle}的建议"
    return title, (f"{p.format(o=o)}。" f"建议{m.format(o=o)}。" "以此推动相关工作提质增效。")


print("id\tgroup\trole\ttitle\tcontent")
n = 0
for i, (o, p, m) in enumerate(subjects):
    for role, (title, content) in (("base", base(o, p, m, i)), ("reworded", reworded(o, p, m, i))):
        n += 1
        print(f"{n}\t{i + 1}\t{role}\t{title}\t{content}")
    if True:
        n += 1
        title, content = neighbour(o, i)
        print(f"{n}\t{i + 1}\tneighbour\t{title}\t{content}")
