"""First questions to the bundled dataset: what it holds, and one fact with its evidence."""

from __future__ import annotations

import libyamodel as lm


def main() -> None:
    """Print a summary of the bundled data and the 2014 rival claims to be the legislature."""
    ds = lm.load()
    print(ds)
    for name, count in ds.counts().items():
        print(f"  {name:<17} {count:>4}")

    day = "2014-11-10"
    print(f"\nClaims to be the legislature, and their truth on {day}:")
    for fact in ds.facts:
        if isinstance(fact, lm.LegitimacyClaim) and fact.role == "legislature":
            claimant = ds[fact.claimant]
            truth = fact.period.truth(day)
            print(f"  {claimant.name}: {fact.period} -> {truth.name} ({fact.status})")
            for item in fact.evidence:
                print(f'      "{item.quote}" ({ds[item.source].name})')


if __name__ == "__main__":
    main()
