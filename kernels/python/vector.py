"""Publications (PUBS rows of columns A-D) matched against users (USERS rows,
column A) on column A: first with a nested loop over iterrows(), then
vectorised with isin().

    cprof python3 vector.py [PUBS [USERS]]   (default 100 50)

Values are drawn from 0..99 with a fixed seed, so the matches (and the call
counts) are the same on every run."""
import sys
import time

import numpy as np
import pandas as pd


def make_data(npubs, nusers):
    rng = np.random.RandomState(42)
    pubs = pd.DataFrame(rng.randint(0, 100, size=(npubs, 4)), columns=list("ABCD"))
    users = pd.DataFrame(rng.randint(0, 100, size=(nusers, 1)), columns=["A"])
    return pubs, users


def match_nested(pubs, users):
    rows = []
    for _, pub in pubs.iterrows():
        for _, user in users.iterrows():
            if user["A"] == pub["A"]:
                rows.append(pub)
    return pd.DataFrame(rows).drop_duplicates()


def match_vectorised(pubs, users):
    return pubs[pubs["A"].isin(users["A"])].drop_duplicates()


def main():
    npubs = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    nusers = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    pubs, users = make_data(npubs, nusers)
    tic = time.time()
    slow = match_nested(pubs, users)
    print("Nested-loop Runtime:", time.time() - tic, "seconds")
    tic = time.time()
    fast = match_vectorised(pubs, users)
    print("Vectorized Runtime:", time.time() - tic, "seconds")
    assert len(slow) == len(fast)


if __name__ == "__main__":
    main()
