// Two random factors, crossed or nested: y[i] ~ normal(mu + a[f[i]] + b[g[i]], sigma_y).
// Data:   penicillin (data/penicillin.csv; Davies & Goldsmith 1972), crossed;
//         pastes (data/pastes.csv; Davies & Goldsmith 1972), nested
// Priors: alpha ~ normal(0, 1); tau_a, tau_b, sigma ~ half-normal(0, 1);
//         m_a ~ normal(alpha, tau_a); m_b ~ normal(alpha, tau_b); all on the standardised
//         outcome. Hard-coded here.
// Pages:  chapters/03-multilevel-regression/crossed-nested.md
// PyMC:   chapters/03-multilevel-regression/crossed-nested.md, `fit_pymc`
//         (repeats the priors by hand)
//
// Two random factors (variance components), crossed or nested:
//
//   y[i] ~ normal(mu + a[f[i]] + b[g[i]], sigma_y)
//   a[j] ~ normal(0, sigma_a),   b[k] ~ normal(0, sigma_b)
//
// The program does not know whether the factors are crossed or nested: that is in the
// coding of the data. Crossed (Penicillin): every plate meets every sample. Nested
// (Pastes): g labels each cask uniquely ("A:a", "B:a", ...), so each level of g sits
// inside one level of f. Priors are unit-scale on the standardised outcome; the
// generated quantities are on the original scale.
//
// Each factor's effects can be sampled centred or non-centred (data flags), through the
// offset and multiplier of its level means m (a = m_a - alpha, b = m_b - alpha):
//   non-centred  <offset=alpha, multiplier=tau>: Stan samples (m - alpha) / tau, the
//                standardised effects; suits factors the data say little about (few
//                observations per level, or an sd that may be near zero);
//   centred      <offset=0, multiplier=1>: Stan samples the level means m themselves,
//                centred on alpha (hierarchical centring, Gelfand, Sahu & Carlin 1995);
//                suits factors whose level means the data pin down.
// Either way the model is written m ~ normal(alpha, tau): the posterior is the same.
data {
  int<lower=1> N;
  int<lower=1> J;                          // levels of the first factor
  int<lower=1> K;                          // levels of the second factor
  array[N] int<lower=1, upper=J> f;
  array[N] int<lower=1, upper=K> g;
  vector[N] y;
  int<lower=0, upper=1> noncentred_a;
  int<lower=0, upper=1> noncentred_b;
}
transformed data {
  real y_mean = mean(y);
  real y_sd = sd(y);
  vector[N] y_std = (y - y_mean) / y_sd;
}
parameters {
  real alpha;
  real<lower=0> tau_a;
  real<lower=0> tau_b;
  real<lower=0> sigma;
  vector<offset=(noncentred_a ? alpha : 0), multiplier=(noncentred_a ? tau_a : 1)>[J] m_a;
  vector<offset=(noncentred_b ? alpha : 0), multiplier=(noncentred_b ? tau_b : 1)>[K] m_b;
}
model {
  alpha ~ normal(0, 1);
  tau_a ~ normal(0, 1);
  tau_b ~ normal(0, 1);
  sigma ~ normal(0, 1);
  m_a ~ normal(alpha, tau_a);
  m_b ~ normal(alpha, tau_b);
  y_std ~ normal(m_a[f] + m_b[g] - alpha, sigma);
}
generated quantities {
  real mu = y_mean + y_sd * alpha;
  real sigma_a = y_sd * tau_a;
  real sigma_b = y_sd * tau_b;
  real sigma_y = y_sd * sigma;
  vector[J] a = y_sd * (m_a - alpha);
  vector[K] b = y_sd * (m_b - alpha);
  vector[N] log_lik;
  for (i in 1:N) {
    log_lik[i] = normal_lpdf(y[i] | mu + a[f[i]] + b[g[i]], sigma_y);
  }
}
