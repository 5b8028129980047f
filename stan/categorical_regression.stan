// Title: Categorical (multinomial logit) or cumulative logit regression, optional person effects.
// Data:   verbagg (data/verbagg.csv; De Boeck & Wilson 2004): a random subset of the
//         persons, every item, response no / perhaps / yes; in categorical.md
// Priors: categorical: alpha and each row of beta ~ multi_normal(0, s^2 (I + 1 1')),
//         s = alpha_scale or beta_scale (the contrasts of C = 3 independent normal(0, s)
//         coefficients, the same prior for every reference); cumulative: cutpoints
//         (ordered) ~ normal(0, alpha_scale), beta ~ normal(0, beta_scale); tau ~
//         half-normal(0, tau_scale); u[, m] = tau[m] * z[, m], z ~ std_normal(), so
//         u[, m] ~ normal(0, tau[m]). All data, from the dict
//         PRIORS of categorical.md: alpha_scale = 2.5, beta_scale = 2.5, tau_scale = 2.
// Pages:  chapters/04-glmm/categorical.md
// PyMC:   chapters/04-glmm/categorical.md, `verbagg_pymc` (categorical logit with
//         person effects per category, pm.Categorical with softmax; reads PRIORS)
//
// An outcome y[i] in 1..C and K predictors X[i]. Two models (data flag `family`):
//
//   family = 1, categorical (multinomial logit): one linear predictor per category,
//       eta[i, c] = alpha[c] + X[i] * beta[, c] + u[group[i], c], and
//       P(y = c) = softmax(eta[i])[c]. Adding the same number to every eta[i, c] leaves
//       the softmax unchanged, so one category, `ref`, has eta fixed at 0: the C - 1
//       columns of alpha, beta and u belong to the other categories, in their order.
//   family = 2, cumulative logit: one linear predictor eta[i] = X[i] * beta[, 1] +
//       u[group[i], 1] and C - 1 ordered cutpoints, P(y <= c) = inv_logit(cut[c] - eta).
//
// M = C - 1 (categorical) or 1 (cumulative) linear predictors. With J = 0 there are no
// person effects; with J > 0 each person has a deviation u[j, m] ~ normal(0, tau[m]) on
// each linear predictor, independent, non-centred: u = z * diag(tau), z ~ normal(0, 1). `pointwise = 1`
// returns log_lik and replicated data y_rep for every row.
functions {
  // the N x C matrix of linear predictors: column ref is 0, the others are eta_free
  matrix with_reference(matrix eta_free, int ref) {
    int N = rows(eta_free);
    int C = cols(eta_free) + 1;
    matrix[N, C] eta;
    int m = 1;
    for (c in 1:C) {
      if (c == ref) {
        eta[, c] = rep_vector(0, N);
      } else {
        eta[, c] = eta_free[, m];
        m += 1;
      }
    }
    return eta;
  }
}
data {
  int<lower=1> N;
  int<lower=3> C;                          // categories
  int<lower=0> K;                          // predictors (columns of X)
  matrix[N, K] X;
  array[N] int<lower=1, upper=C> y;
  int<lower=1, upper=2> family;            // 1 categorical, 2 cumulative logit
  int<lower=1, upper=C> ref;               // reference category (categorical only)
  int<lower=0> J;                          // persons; 0 for none
  array[N] int<lower=0, upper=J> group;    // 1..J (all 0 when J = 0)
  real<lower=0> alpha_scale;
  real<lower=0> beta_scale;
  real<lower=0> tau_scale;
  int<lower=0, upper=1> pointwise;         // 1: return log_lik and y_rep
}
transformed data {
  int G = J > 0;                           // 1 if the model has person effects
  int categorical = family == 1;
  int M = categorical ? C - 1 : 1;         // linear predictors
  matrix[N, C] one_hot = rep_matrix(0, N, C);  // one_hot[i, y[i]] = 1
  // Categorical: a coefficient for every category, independent normal(0, s), of which
  // only the differences to the reference count. Those differences are normal with
  // covariance s^2 (I + 1 1'): the same prior whichever category is the reference.
  matrix[M, M] L_contrast = cholesky_decompose(add_diag(rep_matrix(1, M, M), 1));
  for (i in 1:N) {
    one_hot[i, y[i]] = 1;
  }
}
parameters {
  vector[categorical ? C - 1 : 0] alpha;
  ordered[categorical ? 0 : C - 1] cutpoints;
  matrix[K, M] beta;
  vector<lower=0>[G ? M : 0] tau;
  matrix[J, M] z;                          // standardised person effects
}
transformed parameters {
  // non-centred by hand: u[, m] = tau[m] * z[, m]. (A matrix `multiplier` built from
  // tau with a conditional expression gave non-reproducible failures on CmdStan 2.27.)
  matrix[J, M] u = z;
  if (G) {
    u = diag_post_multiply(z, tau);
  }
}
model {
  matrix[N, M] eta_free = X * beta;        // the linear predictors, without alpha
  if (G) {
    eta_free += u[group];
  }
  if (categorical) {
    alpha ~ multi_normal_cholesky(rep_vector(0, M), alpha_scale * L_contrast);
    for (k in 1:K) {
      beta[k]' ~ multi_normal_cholesky(rep_vector(0, M), beta_scale * L_contrast);
    }
  } else {
    cutpoints ~ normal(0, alpha_scale);
    to_vector(beta) ~ normal(0, beta_scale);
  }
  if (G) {
    tau ~ normal(0, tau_scale);
  }
  to_vector(z) ~ std_normal();             // u[, m] ~ normal(0, tau[m])
  if (categorical) {
    // the sum over rows of categorical_logit_lpmf(y[i] | eta[i]'), in matrix form:
    // log softmax(eta[i])[y[i]] = eta[i, y[i]] - log(sum(exp(eta[i]))); one_hot picks
    // eta[i, y[i]]. With eta[i, ref] = 0 the sum is at least 1, never zero.
    matrix[N, C] eta = with_reference(eta_free + rep_matrix(alpha', N), ref);
    target += sum(rows_dot_product(one_hot, eta))
              - sum(log(exp(eta) * rep_vector(1, C)));
  } else {
    y ~ ordered_logistic(eta_free[, 1], cutpoints);
  }
}
generated quantities {
  vector[pointwise ? N : 0] log_lik;
  array[pointwise ? N : 0] int y_rep;
  if (pointwise) {
    matrix[N, M] eta_free = X * beta;
    if (G) {
      eta_free += u[group];
    }
    if (categorical) {
      matrix[N, C] eta = with_reference(eta_free + rep_matrix(alpha', N), ref);
      for (i in 1:N) {
        log_lik[i] = categorical_logit_lpmf(y[i] | eta[i]');
        y_rep[i] = categorical_logit_rng(eta[i]');
      }
    } else {
      for (i in 1:N) {
        log_lik[i] = ordered_logistic_lpmf(y[i] | eta_free[i, 1], cutpoints);
        y_rep[i] = ordered_logistic_rng(eta_free[i, 1], cutpoints);
      }
    }
  }
}
