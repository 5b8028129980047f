// Title: Latent class model for binary items (a mixture over persons), classes ordered
// Data:   verbagg (data/verbagg.csv; De Boeck & Wilson 2004): binary r2, 316 persons x
//         24 items, in latent-class.md
// Priors: w ~ dirichlet(w_concentration, ..., w_concentration); level ~ normal(0,
//         level_scale), ordered; dev_raw ~ normal(0, dev_scale). All data (sds).
//         latent-class.md (dict PRIORS): w_concentration = 2, level_scale = 0.41
//         (2 / sqrt(24)), dev_scale = 2: the exchangeable prior with every logit_p[c, i]
//         ~ normal(0, 2) iid, restricted to ordered levels.
// Pages:  chapters/05-mixtures/latent-class.md
// PyMC:   chapters/05-mixtures/latent-class.md, `latent_class_pymc` (reads the dict
//         PRIORS)
//
// Person n belongs to one of C classes, with probabilities w; given the class, the
// person's I answers are independent Bernoulli draws with the class's probabilities:
//
//   z[n] ~ categorical(w),   y[n, i] | z[n] = c ~ bernoulli_logit(logit_p[c, i]).
//
// The discrete z[n] is summed out per person: the log-likelihood of person n is
// log_sum_exp_c(log w[c] + sum_i bernoulli_logit_lpmf(y[n, i] | logit_p[c, i])).
//
// Identification. Relabelling the classes leaves the likelihood and the prior unchanged
// (label switching). Each class's logits are written as its mean logit `level[c]` plus
// deviations that sum to 0 over the items; `level` is declared `ordered`, so class 1 is
// the class least likely to say yes on average and class C the most. The deviations are
// Q * dev_raw[c], with Q an orthonormal basis (Helmert contrasts, I x (I - 1)) of the
// vectors that sum to 0: independent normal(0, dev_scale) coordinates dev_raw give each
// item's deviation an sd of dev_scale * sqrt(1 - 1 / I), and no built-in correlation
// between parameters for the sampler to fight.
functions {
  // ll[n, c] = log w[c] + log p(y[n] | class c), for all persons at once
  matrix class_log_lik(matrix y, matrix logit_p, vector w) {
    matrix[rows(y), rows(logit_p)] ll = y * log_inv_logit(logit_p')
                                        + (1 - y) * log1m_inv_logit(logit_p');
    for (c in 1:rows(logit_p)) {
      ll[:, c] += log(w[c]);
    }
    return ll;
  }
}
data {
  int<lower=1> N;                           // persons
  int<lower=2> I;                           // items
  array[N, I] int<lower=0, upper=1> y;
  int<lower=1> C;                           // classes
  real<lower=0> w_concentration;
  real<lower=0> level_scale;                // prior sd of a class's mean logit
  real<lower=0> dev_scale;                  // prior sd of an item's deviation from it
}
transformed data {
  matrix[N, I] y_mat = to_matrix(y);
  vector[C] w_prior = rep_vector(w_concentration, C);
  matrix[I, I - 1] Q = rep_matrix(0, I, I - 1);  // Helmert basis of sum-zero vectors
  for (j in 1:(I - 1)) {
    Q[1:j, j] = rep_vector(1 / sqrt(j * (j + 1.0)), j);
    Q[j + 1, j] = -j / sqrt(j * (j + 1.0));
  }
}
parameters {
  simplex[C] w;                             // class shares
  ordered[C] level;                         // mean logit of each class
  matrix[C, I - 1] dev_raw;                 // item deviations, in the basis Q
}
transformed parameters {
  // logit P(yes | class c, item i)
  matrix[C, I] logit_p = rep_matrix(level, I) + dev_raw * Q';
}
model {
  matrix[N, C] ll = class_log_lik(y_mat, logit_p, w);
  w ~ dirichlet(w_prior);
  level ~ normal(0, level_scale);
  to_vector(dev_raw) ~ normal(0, dev_scale);
  for (n in 1:N) {
    target += log_sum_exp(ll[n]);
  }
}
generated quantities {
  vector[N] log_lik;                        // per PERSON: all I answers together
  matrix[N, C] membership;                  // P(class c | person n's answers)
  {
    matrix[N, C] ll = class_log_lik(y_mat, logit_p, w);
    for (n in 1:N) {
      log_lik[n] = log_sum_exp(ll[n]);
      membership[n] = softmax(ll[n]')';
    }
  }
}
