package io.firebreak.response.model.paging;

public enum PageStatus { TRIGGERED, DELIVERED, FAILED, ACKNOWLEDGED, CANCELLED }
