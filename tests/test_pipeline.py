"""The whole build: the same bank for the same seed, any number of jobs; one item per sentence and answer."""

from __future__ import annotations

from conftest import NEWS, analysed
from quizwright.bank import bank_to_yaml
from quizwright.checks import item_problems
from quizwright.pipeline import BuildOptions, analyse_documents, build_bank, build_items, plan_items
from quizwright.sources import read_documents


def test_same_seed_same_items_other_seed_other_distractors():
    document, sentences, _ = analysed(NEWS)
    one = build_items([document], [sentences], BuildOptions(seed=1)).items
    again = build_items([document], [sentences], BuildOptions(seed=1)).items
    assert one == again
    assert [i.id for i in one] and all(item_problems(i) == [] for i in one)


def test_no_two_items_share_a_sentence_and_answer():
    document, sentences, _ = analysed(NEWS)
    items = build_items([document], [sentences], BuildOptions()).items
    pairs = [(i.source.sentence, i.answer) for i in items]
    assert len(pairs) == len(set(pairs))


def test_the_same_article_given_twice_gives_its_items_once(tmp_path, seeds_dir):
    """Not zero items (every sentence 'repeated'), and not every question twice."""
    from quizwright.pipeline import build_bank

    article = sorted(seeds_dir.glob("*.txt"))[2]
    (tmp_path / "a.txt").write_bytes(article.read_bytes())
    (tmp_path / "b.txt").write_bytes(article.read_bytes())
    bank = build_bank([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "bank.yaml").bank
    assert len(bank.items) >= 5
    assert {item.source.doc for item in bank.items} == {"a"}


def test_two_jobs_build_the_same_bank_as_one(tmp_path, seeds_dir):
    s1 = build_bank([seeds_dir], tmp_path / "a.yaml", BuildOptions(jobs=1))
    s2 = build_bank([seeds_dir], tmp_path / "a.yaml", BuildOptions(jobs=2))
    assert bank_to_yaml(s1.bank) == bank_to_yaml(s2.bank)
    assert s1 == s2  # reports and rejections too
    assert len(s1.bank.items) >= 5 and len({item.source.doc for item in s1.bank.items}) > 1


def test_analysis_comes_back_in_document_order(seeds_dir):
    docs = read_documents([seeds_dir])
    results = analyse_documents(docs, BuildOptions(jobs=3))
    assert [r.sentences[0].doc_id for r in results] == [d.id for d in docs]
    assert results == analyse_documents(docs, BuildOptions(jobs=1))


def test_the_reading_terms_an_analysis_carries_plan_as_computed_in_the_parent(seeds_dir):
    """plan_items takes each reading's terms from its analysis (found in the workers, cached)
    instead of counting them itself: the plan is the same."""
    docs = read_documents([seeds_dir])
    results = analyse_documents(docs, BuildOptions(jobs=2))
    analysed_ = [list(r.sentences) for r in results]
    found = [m for r in results for ms in r.mentions for m in ms]
    given = plan_items(docs, analysed_, BuildOptions(), found, [r.terms for r in results])
    assert given == plan_items(docs, analysed_, BuildOptions(), found)
    assert all(model.terms for model in given.models)
