//! When is a rise more than noise? A one-sided Poisson test.
//!
//! Counts of incidents in a period are modelled as Poisson with the baseline (the mean
//! of the 8 previous periods of the same length) as its mean. A count is flagged when
//! it is above the baseline and the chance of seeing at least that many by chance is
//! below 5 %. The baseline is floored at 0.5, so a category that is usually silent is
//! flagged from 3 reports, not from 1.

/// The flagging threshold for the upper-tail probability.
pub const ALPHA: f64 = 0.05;

/// The smallest mean the test uses.
pub const MIN_MEAN: f64 = 0.5;

/// P(X ≥ k) for X ~ Poisson(mean).
pub fn upper_tail(k: u32, mean: f64) -> f64 {
    if k == 0 {
        return 1.0;
    }
    let mean = mean.max(1e-9);
    // 1 − P(X ≤ k − 1), summing terms in a numerically stable way.
    let mut term = (-mean).exp();
    let mut cdf = term;
    for i in 1..k {
        term *= mean / f64::from(i);
        cdf += term;
    }
    (1.0 - cdf).clamp(0.0, 1.0)
}

/// Whether `count` is a rise over `baseline` unlikely to be noise, and its p-value.
pub fn flag(count: u32, baseline: f64) -> (bool, f64) {
    let p = upper_tail(count, baseline.max(MIN_MEAN));
    (f64::from(count) > baseline && p < ALPHA, p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_probabilities() {
        assert!((upper_tail(0, 2.0) - 1.0).abs() < 1e-12);
        // P(X ≥ 1 | 2) = 1 − e^−2
        assert!((upper_tail(1, 2.0) - (1.0 - (-2.0f64).exp())).abs() < 1e-12);
        // P(X ≥ 10 | 4) ≈ 0.00813
        assert!((upper_tail(10, 4.0) - 0.008132).abs() < 1e-5);
    }

    #[test]
    fn flags_only_unlikely_rises() {
        assert!(!flag(6, 4.0).0, "6 against 4 is ordinary");
        assert!(flag(10, 4.0).0, "10 against 4 is not");
        assert!(!flag(2, 0.0).0);
        assert!(flag(3, 0.0).0, "3 where there usually are none");
        assert!(!flag(3, 5.0).0, "a fall is never flagged");
    }
}
