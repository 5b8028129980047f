import re

from helpers import priors, stan


def test_sleepstudy_priors_are_fresh_and_named_as_the_stan_data():
    a = priors.sleepstudy()
    a["beta_loc"][0] = 0.0
    assert priors.sleepstudy()["beta_loc"] == [250.0, 0.0]  # a fresh dict every call
    data_block = re.search(
        r"data \{(.*?)\n\}", stan.code("sleepstudy_varying_slopes"), re.S
    ).group(1)
    declared = set(re.findall(r"\b(\w+);", data_block))
    assert set(a) <= declared
    assert all(
        s > 0
        for s in a["beta_scale"] + a["tau_scale"] + [a["sigma_scale"], a["lkj_eta"]]
    )
