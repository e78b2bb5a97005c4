package org.interlend.statistics;

/**
 * Turnaround and fill rate of one supplier (a consortium library or a partner) for one service,
 * over the requests of the window.
 *
 * @param requests requests this supplier was asked for (for HKALL: asks to pull and ship)
 * @param filled supplied: the item reached the home library, or the copy was delivered
 * @param notFilled refused, not answered in time, or ended unfilled with this supplier
 * @param fillRate filled / (filled + notFilled), null while none has ended
 * @param medianDays median turnaround of the filled requests, in the service's unit; null if none
 * @param withinPromise filled requests whose turnaround kept the promise
 * @param withinPromiseRate withinPromise / filled, null if none filled
 */
public record ServiceFigures(
    Service service,
    String supplier,
    String supplierName,
    int requests,
    int filled,
    int notFilled,
    Double fillRate,
    Double medianDays,
    int withinPromise,
    Double withinPromiseRate) {}
