/**
 * The loan lifecycle: loans from checkout to return or loss, renewals, recalls and the fines
 * ledger. Other modules (the physical-loan and overseas flows, the portal and the API) use it.
 */
@org.springframework.modulith.NamedInterface("lifecycle")
package org.interlend.lending.lifecycle;
