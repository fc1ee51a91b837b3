"""Native code under Python: matrix products in numpy's BLAS, called from
blas() through numpy's dot, which is where the time goes."""
import numpy as np


def blas():
    a = np.random.RandomState(1).rand(300, 300)
    for _ in range(30):
        a = np.dot(a, a) / 300.0
    return a


if __name__ == "__main__":
    blas()
