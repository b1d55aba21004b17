"""Our Reed-Solomon shortcut gives exactly the codewords ``qrcode`` itself computes."""

from __future__ import annotations

import random
import string

import qrcode
from qrcode import util

from checkin.badges import qr


def test_codewords_equal_qrcode_for_many_lengths_and_alphabets() -> None:
    rng = random.Random(1)
    alphabet = string.ascii_letters + string.digits + " -.:/äöüß€"
    for length in [*range(1, 40), *rng.sample(range(40, 600), 40)]:
        data = "".join(rng.choice(alphabet) for _ in range(length))
        code = qrcode.QRCode(error_correction=qr.ERROR_CORRECTION)
        code.add_data(data)
        version = code.best_fit()
        assert qr.codewords(version, code.data_list) == util.create_data(
            version, qr.ERROR_CORRECTION, code.data_list), data
