// Title: Count regression: Poisson or negative binomial, zero inflation, offset, effects.
// Data:   roaches (data/roaches.csv; Gelman, Hill & Vehtari 2020, ch. 15): pest control;
//         epilepsy (data/epilepsy_brms.csv; Thall & Vail 1990): seizures of 59 patients
// Priors: alpha ~ normal(alpha_loc, alpha_scale); beta ~ normal(0, beta_scale);
//         phi ~ exponential(phi_rate); zi ~ beta(zi_a, zi_b); tau ~ half-normal(0,
//         tau_scale); a ~ normal(0, tau); sigma ~ half-normal(0, sigma_scale);
//         e ~ normal(0, sigma). All data. counts.md, roaches (dict PRIORS):
//         alpha_loc = 2, alpha_scale = 2, beta_scale = 1 for each slope, phi_rate = 1,
//         zi_a = 1, zi_b = 1. seizures.md, epilepsy (dict EPILEPSY_PRIORS):
//         alpha_loc = 1.5, alpha_scale = 1, beta_scale = 1, tau_scale = 1, sigma_scale = 1.
// Pages:  chapters/04-glmm/counts.md, chapters/04-glmm/seizures.md
// PyMC:   chapters/04-glmm/counts.md, `roaches_pymc` (negative binomial, reads the dict
//         PRIORS; bambi fits the zero-inflated model); seizures.md, `ep_bambi` (bambi,
//         patients only, reads EPILEPSY_PRIORS; the model with row effects has no twin)
//
// A count y[i] with log mean
//
//   eta[i] = log_exposure[i] + alpha + X[i] * beta + a[group[i]] + e[i],
//
// Poisson (negbin = 0) or negative binomial with mean exp(eta[i]) and reciprocal
// dispersion phi, variance mu + mu^2 / phi (negbin = 1). log_exposure is the offset
// (zeros for none). zero_inflated = 1 mixes in a point mass at zero with probability zi:
// y = 0 with probability zi + (1 - zi) * p(0), else (1 - zi) * p(y). With J > 0 every
// group has an intercept deviation a[j] ~ normal(0, tau); obs_effects = 1 gives every
// observation its own deviation e[i] ~ normal(0, sigma), a residual on the log scale.
// Both are non-centred by their multipliers, or centred (multiplier 1) with centred_a or
// centred_e = 1: centred suits effects the data pin down. Rows flagged held_out are
// left out of the likelihood but get a log_lik (their e[i], and the a[j] of a group
// with no rows left, are then draws from the prior): for K-fold cross-validation.
// pointwise = 1 returns log_lik for every row; replicated data are drawn in the
// notebook, with numpy.
functions {
  // log probability of one count given its log mean
  real count_lpmf(int y, real eta, int negbin, vector phi, int zero_inflated,
                  vector zi) {
    real lp;
    if (negbin) {
      lp = neg_binomial_2_log_lpmf(y | eta, phi[1]);
    } else {
      lp = poisson_log_lpmf(y | eta);
    }
    if (zero_inflated) {
      if (y == 0) {
        return log_mix(zi[1], 0, lp);
      }
      return log1m(zi[1]) + lp;
    }
    return lp;
  }
}
data {
  int<lower=1> N;
  int<lower=0> K;                          // predictors (columns of X)
  matrix[N, K] X;
  array[N] int<lower=0> y;
  vector[N] log_exposure;                  // the offset: log of each row's exposure
  int<lower=0, upper=1> negbin;            // 0 Poisson, 1 negative binomial
  int<lower=0, upper=1> zero_inflated;     // 1: add a point mass at zero
  int<lower=0> J;                          // groups; 0 for none
  array[N] int<lower=0, upper=J> group;    // 1..J (all 0 when J = 0)
  int<lower=0, upper=1> obs_effects;       // 1: one normal effect per row
  int<lower=0, upper=1> centred_a;         // 1: group effects centred
  int<lower=0, upper=1> centred_e;         // 1: row effects centred
  array[N] int<lower=0, upper=1> held_out; // 1: not in the likelihood
  real alpha_loc;
  real<lower=0> alpha_scale;
  vector<lower=0>[K] beta_scale;           // prior sd of each slope (prior mean 0)
  real<lower=0> phi_rate;                  // exponential prior rate of phi
  real<lower=0> zi_a;                      // beta prior of zi
  real<lower=0> zi_b;
  real<lower=0> tau_scale;                 // half-normal scale of the between-group sd
  real<lower=0> sigma_scale;               // half-normal scale of the row-level sd
  int<lower=0, upper=1> pointwise;         // 1: return log_lik
}
transformed data {
  int G = J > 0;                           // 1 if the model has group effects
  int M = obs_effects ? N : 0;             // number of row-level effects
  array[N - sum(held_out)] int fitted;     // the rows in the likelihood
  {
    int k = 1;
    for (i in 1:N) {
      if (!held_out[i]) {
        fitted[k] = i;
        k += 1;
      }
    }
  }
}
parameters {
  real alpha;
  vector[K] beta;
  vector<lower=0>[negbin] phi;             // reciprocal dispersion
  vector<lower=0, upper=1>[zero_inflated] zi;  // probability of a structural zero
  vector<lower=0>[G] tau;                  // between-group sd
  vector<multiplier=(G && !centred_a ? tau[1] : 1)>[J] a;  // group deviations
  vector<lower=0>[obs_effects] sigma;      // sd of the row-level effects
  vector<multiplier=(obs_effects && !centred_e ? sigma[1] : 1)>[M] e;  // row effects
}
model {
  vector[N] eta = log_exposure + alpha + X * beta;
  if (G) {
    eta += a[group];
  }
  if (obs_effects) {
    eta += e;
  }
  alpha ~ normal(alpha_loc, alpha_scale);
  beta ~ normal(0, beta_scale);
  phi ~ exponential(phi_rate);
  zi ~ beta(zi_a, zi_b);
  if (G) {
    tau ~ normal(0, tau_scale);
    a ~ normal(0, tau[1]);
  }
  if (obs_effects) {
    sigma ~ normal(0, sigma_scale);
    e ~ normal(0, sigma[1]);
  }
  if (zero_inflated) {
    for (i in fitted) {
      y[i] ~ count(eta[i], negbin, phi, zero_inflated, zi);
    }
  } else if (negbin) {
    y[fitted] ~ neg_binomial_2_log(eta[fitted], phi[1]);  // the same, vectorised
  } else {
    y[fitted] ~ poisson_log(eta[fitted]);
  }
}
generated quantities {
  vector[pointwise ? N : 0] log_lik;
  if (pointwise) {
    vector[N] eta = log_exposure + alpha + X * beta;
    if (G) {
      eta += a[group];
    }
    if (obs_effects) {
      eta += e;
    }
    for (i in 1:N) {
      log_lik[i] = count_lpmf(y[i] | eta[i], negbin, phi, zero_inflated, zi);
    }
  }
}
