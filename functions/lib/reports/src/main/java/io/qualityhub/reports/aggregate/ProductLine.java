package io.qualityhub.reports.aggregate;

public enum ProductLine { LIFE, HEALTH, ACCIDENT, PROPERTY, AUTO }
