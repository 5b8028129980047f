// Two random factors, crossed or nested: y[i] ~ normal(mu + a[f[i]] + b[g[i]], sigma).
// Data:   penicillin (data/penicillin.csv; Davies & Goldsmith 1972), crossed;
//         pastes (data/pastes.csv; Davies & Goldsmith 1972), nested
// Priors: alpha_std ~ normal(0, alpha_scale); tau_a_std, tau_b_std ~ half-normal(0, tau_scale);
//         sigma_std ~ half-normal(0, sigma_scale); m_a ~ normal(alpha_std, tau_a_std);
//         m_b ~ normal(alpha_std, tau_b_std); all on the standardised outcome. All data, from
//         the notebook's dict PRIOR_STD: alpha_scale = 1, tau_scale = 1, sigma_scale = 1.
// Pages:  chapters/03-multilevel-regression/crossed-nested.md
// PyMC:   chapters/03-multilevel-regression/crossed-nested.md, `two_factor_pymc`
//         (builds the same model; reads the dict PRIOR_STD)
//
// Two random factors (variance components), crossed or nested:
//
//   y[i] ~ normal(mu + a[f[i]] + b[g[i]], sigma)
//   a[j] ~ normal(0, tau_a),   j = 1..J_a;   b[k] ~ normal(0, tau_b),   k = 1..J_b
//
// The program does not know whether the factors are crossed or nested: that is in the
// coding of the data. Crossed (Penicillin): every plate meets every sample. Nested
// (Pastes): g labels each cask uniquely ("A:a", "B:a", ...), so each level of g sits
// inside one level of f. Priors are unit-scale on the standardised outcome (the names
// ending in _std); the generated quantities are on the original scale.
//
// Each factor's effects can be sampled centred or non-centred (data flags), through the
// offset and multiplier of its level means m (a = m_a - alpha_std, b = m_b - alpha_std):
//   non-centred  <offset=alpha_std, multiplier=tau_std>: Stan samples (m - alpha_std) /
//                tau_std, the standardised effects; suits factors the data say little
//                about (few observations per level, or an sd that may be near zero);
//   centred      <offset=0, multiplier=1>: Stan samples the level means m themselves,
//                centred on alpha_std (hierarchical centring, Gelfand, Sahu & Carlin
//                1995); suits factors whose level means the data pin down.
// Either way the model is written m ~ normal(alpha_std, tau_std): the posterior is the same.
data {
  int<lower=1> N;
  int<lower=1> J_a;                        // levels of the first factor
  int<lower=1> J_b;                        // levels of the second factor
  array[N] int<lower=1, upper=J_a> f;      // level of the first factor, per observation
  array[N] int<lower=1, upper=J_b> g;      // level of the second factor, per observation
  vector[N] y;
  real<lower=0> alpha_scale;               // prior scales, on the standardised outcome
  real<lower=0> tau_scale;
  real<lower=0> sigma_scale;
  int<lower=0, upper=1> noncentred_a;
  int<lower=0, upper=1> noncentred_b;
}
transformed data {
  real y_mean = mean(y);
  real y_sd = sd(y);
  vector[N] y_std = (y - y_mean) / y_sd;
}
parameters {
  real alpha_std;
  real<lower=0> tau_a_std;
  real<lower=0> tau_b_std;
  real<lower=0> sigma_std;
  vector<offset=(noncentred_a ? alpha_std : 0),
         multiplier=(noncentred_a ? tau_a_std : 1)>[J_a] m_a;
  vector<offset=(noncentred_b ? alpha_std : 0),
         multiplier=(noncentred_b ? tau_b_std : 1)>[J_b] m_b;
}
model {
  alpha_std ~ normal(0, alpha_scale);
  tau_a_std ~ normal(0, tau_scale);
  tau_b_std ~ normal(0, tau_scale);
  sigma_std ~ normal(0, sigma_scale);
  m_a ~ normal(alpha_std, tau_a_std);
  m_b ~ normal(alpha_std, tau_b_std);
  y_std ~ normal(m_a[f] + m_b[g] - alpha_std, sigma_std);
}
generated quantities {
  real mu = y_mean + y_sd * alpha_std;
  real tau_a = y_sd * tau_a_std;
  real tau_b = y_sd * tau_b_std;
  real sigma = y_sd * sigma_std;
  vector[J_a] a = y_sd * (m_a - alpha_std);
  vector[J_b] b = y_sd * (m_b - alpha_std);
  vector[N] log_lik;
  for (i in 1:N) {
    log_lik[i] = normal_lpdf(y[i] | mu + a[f[i]] + b[g[i]], sigma);
  }
}
