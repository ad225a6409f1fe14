"""Splink 4 on the labelled sets `matching export` writes, trained unsupervised as its tutorials do (decision 0086).

    python run_splink.py DIR/*-noid.csv DIR/*-id.csv [--engine standin]

Per CSV: a DuckDB linker with comparisons from splink.comparison_library, the prior from deterministic rules (recall
0.7), u from random sampling, m by expectation maximisation on two blocking rules, term-frequency adjustments on names
and town; then predictions, clustered and scored as `matching generality` scores the engine (linkset.py). The labels
are read only for scoring. `--engine standin` runs standin.py's model of the same design instead, for a machine
without Splink (say which one a figure came from).
"""
import argparse
import os
import sys
import time

import linkset

IDENTIFIERS = ["nhs", "upn", "pnc", "other_id"]
BLOCKING_FOR_PREDICTION = [
    ("given_name", "family_name"), ("dob",), ("postcode",), ("email",), ("phone",), ("family_name", "substr(dob, 1, 4)"),
] + [(column,) for column in IDENTIFIERS]
BLOCKING_FOR_TRAINING = [("given_name", "family_name"), ("dob",)]
DETERMINISTIC = [("given_name", "family_name", "dob"), ("email",)] + [(column,) for column in IDENTIFIERS]


def splink_predict(rows):
    import pandas as pd
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    frame = pd.DataFrame([{k: v for k, v in r.items() if k not in ("cluster", "family")} for r in rows])
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[block_on(*rule) for rule in BLOCKING_FOR_PREDICTION],
        comparisons=[
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("family_name").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.PostcodeComparison("postcode"),
            cl.JaroWinklerAtThresholds("address", [0.9, 0.7]),
            cl.ExactMatch("town").configure(term_frequency_adjustments=True),
            cl.EmailComparison("email"),
            cl.ExactMatch("phone"),
            *[cl.ExactMatch(column) for column in IDENTIFIERS],
            cl.ExactMatch("sex"),
        ],
    )
    linker = Linker(frame, settings, DuckDBAPI())
    linker.training.estimate_probability_two_random_records_match([block_on(*r) for r in DETERMINISTIC], recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    for rule in BLOCKING_FOR_TRAINING:
        linker.training.estimate_parameters_using_expectation_maximisation(block_on(*rule))
    predictions = linker.inference.predict(threshold_match_weight=-10).as_pandas_dataframe()
    return [(int(a), int(b), float(p)) for a, b, p in
            predictions[["unique_id_l", "unique_id_r", "match_probability"]].itertuples(index=False)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="+")
    parser.add_argument("--engine", choices=["splink", "standin"], default="splink")
    parser.add_argument("--shapes", type=int, default=0, metavar="N",
                        help="also print the N commonest shapes of true pairs the linker joins and the engine does not, and back")
    args = parser.parse_args()
    if args.engine == "splink":
        try:
            import splink  # noqa: F401
        except ImportError:
            sys.exit("Splink is not installed here (pip install splink==4.0.16); --engine standin runs the stand-in.")
        predict = splink_predict
    else:
        import standin
        predict = standin.predict

    print(f"engine {args.engine}; link at probability {linkset.LINK_PROBABILITY:.5f}, review at {linkset.REVIEW_PROBABILITY:.5f}")
    print("set | P | R | F1 | link precision (links) | missed entirely | best cut: probability, F1 (P, R) | engine F1 | seconds (cpu)")
    for path in args.csv:
        rows = linkset.load(path)
        labels = [r["cluster"] for r in rows]
        clock, cpu = time.perf_counter(), time.process_time()
        scored = predict(rows)
        seconds, cpu = time.perf_counter() - clock, time.process_time() - cpu
        s = linkset.score(labels, scored)
        cut, b = linkset.best_threshold(labels, scored)
        engine_path = path[:-4] + ".engine.csv"
        engine, engine_clusters = "", None
        if os.path.exists(engine_path):
            engine_clusters = linkset.load_engine_clusters(engine_path)
            engine = f"{linkset.cluster_metrics(labels, engine_clusters)[2]:.4f}"
        print(f"{os.path.basename(path)} | {s['P']:.4f} | {s['R']:.4f} | {s['F1']:.4f} | {s['link_precision']:.5f} ({s['links']:,})"
              f" | {s['missed']:,} of {s['true_pairs']:,} ({s['missed'] / max(1, s['true_pairs']):.2%})"
              f" | {cut:.6f}, {b['F1']:.4f} ({b['P']:.4f}, {b['R']:.4f}) | {engine} | {seconds:.1f} ({cpu:.1f})", flush=True)
        if args.shapes and engine_clusters is not None:
            for what, tally in (
                ("linker joins, engine apart", linkset.shapes_apart(rows, labels, s["clusters"], engine_clusters)),
                ("engine joins, linker apart", linkset.shapes_apart(rows, labels, engine_clusters, s["clusters"])),
                ("linker's wrong links", linkset.wrong_links(rows, labels, scored)),
            ):
                print(f"  {what}: {sum(tally.values()):,} pairs")
                for pattern, count in tally.most_common(args.shapes):
                    print(f"    {count:5} | {pattern}")


if __name__ == "__main__":
    main()
