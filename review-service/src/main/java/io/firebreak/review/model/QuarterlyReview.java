package io.firebreak.review.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The record of a quarterly completion review: who held it, when, and what was decided on resources or process. */
@Entity
@Table(name = "quarterly_review")
public class QuarterlyReview {

    @Id
    public String quarter;

    @Column(name = "reviewed_by", nullable = false)
    public String reviewedBy;

    @Column(name = "reviewed_at", nullable = false)
    public Instant reviewedAt;

    @Column(nullable = false)
    public String decisions;
}
