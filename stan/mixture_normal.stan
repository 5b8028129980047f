// Title: Finite mixture of K normal distributions, with ordered or unordered means.
// Data:   faithful (data/faithful.csv; Azzalini & Bowman 1990): waiting times in
//         finite-mixtures.md; geyser (data/geyser.csv; Azzalini & Bowman 1990): waiting
//         times in its exercises
// Priors: w ~ dirichlet(w_concentration, ..., w_concentration); mu ~ normal(mu_loc,
//         mu_scale), whether sampled as mu_free (unordered) or mu_ordered (ordered: the
//         order statistics of K such draws); sigma ~ lognormal(sigma_loc, sigma_scale).
//         All data. finite-mixtures.md (dict PRIORS): w_concentration = 2, mu_loc = 70,
//         mu_scale = 20, sigma_loc = 1.79 (log 6), sigma_scale = 0.5.
// Pages:  chapters/05-mixtures/finite-mixtures.md
// PyMC:   chapters/05-mixtures/finite-mixtures.md, `mixture_pymc` (ordered means,
//         pm.NormalMixture; reads the dict PRIORS)
//
// Each observation comes from one of K normal components, chosen with probabilities w:
//
//   z[i] ~ categorical(w),   y[i] | z[i] = k ~ normal(mu[k], sigma[k]).
//
// The discrete z[i] cannot be sampled by HMC, so it is summed out: the likelihood of
// y[i] is sum_k w[k] normal(y[i] | mu[k], sigma[k]), computed on the log scale as
// log_sum_exp(log(w) + lp) with lp[k] = normal_lpdf(y[i] | mu[k], sigma[k]) (for K = 2,
// the same as log_mix(w[1], lp[1], lp[2])). The data flag `ordered_means` chooses how mu
// is declared: 1 as an `ordered` vector, so mu[1] < ... < mu[K] and the labels are fixed;
// 0 as a plain vector, whose posterior has K! mirror-image modes (label switching). The
// unused declaration has size 0. `pointwise = 1` returns, for every observation, log_lik,
// a replicated y_rep and membership[i, k], the posterior probability that y[i] came from
// component k given the parameters.
functions {
  // lp[i, k] = log(w[k] * normal(y[i] | mu[k], sigma[k])), vectorised over observations
  matrix weighted_log_densities(vector y, vector w, vector mu, vector sigma) {
    matrix[rows(y), rows(w)] lp;
    for (k in 1:rows(w)) {
      lp[:, k] = log(w[k]) - log(sigma[k]) - 0.5 * log(2 * pi())
                 - 0.5 * square((y - mu[k]) / sigma[k]);
    }
    return lp;
  }
  // the mixture's log density of every y[i], summed: z[i] marginalised out
  real normal_mixture_lpdf(vector y, vector w, vector mu, vector sigma) {
    matrix[rows(y), rows(w)] lp = weighted_log_densities(y, w, mu, sigma);
    real total = 0;
    for (i in 1:rows(y)) {
      total += log_sum_exp(lp[i]);
    }
    return total;
  }
}
data {
  int<lower=1> N;
  vector[N] y;
  int<lower=1> K;                           // components
  int<lower=0, upper=1> ordered_means;      // 1: mu[1] < ... < mu[K]
  real<lower=0> w_concentration;            // symmetric Dirichlet prior of the weights
  real mu_loc;
  real<lower=0> mu_scale;
  real sigma_loc;                           // log-normal prior of each sd
  real<lower=0> sigma_scale;
  int<lower=0, upper=1> pointwise;          // 1: return log_lik, y_rep, membership
}
transformed data {
  vector[K] w_prior = rep_vector(w_concentration, K);
}
parameters {
  simplex[K] w;                             // mixing weights
  ordered[ordered_means ? K : 0] mu_ordered;
  vector[ordered_means ? 0 : K] mu_free;
  vector<lower=0>[K] sigma;
}
transformed parameters {
  vector[K] mu = ordered_means ? mu_ordered : mu_free;  // the component means
}
model {
  w ~ dirichlet(w_prior);
  mu ~ normal(mu_loc, mu_scale);
  sigma ~ lognormal(sigma_loc, sigma_scale);
  y ~ normal_mixture(w, mu, sigma);
}
generated quantities {
  vector[pointwise ? N : 0] log_lik;
  array[pointwise ? N : 0] real y_rep;
  matrix[pointwise ? N : 0, K] membership;
  if (pointwise) {
    matrix[N, K] lp = weighted_log_densities(y, w, mu, sigma);
    for (i in 1:N) {
      int k = categorical_rng(w);           // a component, then a draw from it
      log_lik[i] = log_sum_exp(lp[i]);
      membership[i] = softmax(lp[i]')';
      y_rep[i] = normal_rng(mu[k], sigma[k]);
    }
  }
}
