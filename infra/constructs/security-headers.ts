// The response headers CloudFront adds to everything it serves. Report pages get a Content-Security-Policy with no
// script at all; the site's own pages (home, search) may load same-origin script files, nothing inline; PDFs get no
// CSP (a CSP on a PDF only constrains the browser's viewer: `default-src 'none'` leaves Chrome's blank). The site's
// fonts may be read from any origin (CORS): the CMS's draft preview, on its own domain, prints with them.
import { Duration } from 'aws-cdk-lib';
import {
  HeadersFrameOption,
  HeadersReferrerPolicy,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';

/** Report pages: inline <style> (the page's CSS and @font-face rules), fonts and images from the archive only. */
const reportPageDirectives = [
  "default-src 'none'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const reportPagesCsp = reportPageDirectives.join('; ');
/** Site pages: the same, plus script files from the archive itself (the search script); no inline script. */
export const sitePagesCsp = [...reportPageDirectives, "script-src 'self'", "connect-src 'self'"].join('; ');

/** Two years, the value preload lists ask for; subdomains included (the archive's host has none of its own). */
export const hstsMaxAge = Duration.days(730);

const securityHeaders = (contentSecurityPolicy?: string): ResponseSecurityHeadersBehavior => ({
  ...(contentSecurityPolicy && { contentSecurityPolicy: { contentSecurityPolicy, override: true } }),
  strictTransportSecurity: { accessControlMaxAge: hstsMaxAge, includeSubdomains: true, override: true },
  contentTypeOptions: { override: true },
  referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
  frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
});

export class SecurityHeaders extends Construct {
  readonly reportPages: ResponseHeadersPolicy;
  readonly sitePages: ResponseHeadersPolicy;
  /** PDFs: every header but the CSP, which would break Chrome's built-in PDF viewer (its page is styled inline). */
  readonly pdfDownloads: ResponseHeadersPolicy;
  /** Fonts: public files, readable cross-origin (a font is fetched in CORS mode) by the CMS's preview. */
  readonly siteFonts: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const permissionsPolicy = { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' };
    const customHeadersBehavior = { customHeaders: [{ ...permissionsPolicy, override: true }] };
    this.reportPages = new ResponseHeadersPolicy(this, 'ReportPages', {
      comment: 'nianbao report pages: no script',
      securityHeadersBehavior: securityHeaders(reportPagesCsp),
      customHeadersBehavior,
    });
    this.sitePages = new ResponseHeadersPolicy(this, 'SitePages', {
      comment: 'nianbao site pages: same-origin script files only',
      securityHeadersBehavior: securityHeaders(sitePagesCsp),
      customHeadersBehavior,
    });
    this.pdfDownloads = new ResponseHeadersPolicy(this, 'PdfDownloads', {
      comment: 'nianbao PDFs: no CSP (the browser PDF viewer needs its own styles)',
      securityHeadersBehavior: securityHeaders(),
      customHeadersBehavior,
    });
    this.siteFonts = new ResponseHeadersPolicy(this, 'SiteFonts', {
      comment: 'nianbao fonts: readable from any origin (the CMS preview)',
      securityHeadersBehavior: securityHeaders(),
      customHeadersBehavior,
      corsBehavior: {
        accessControlAllowOrigins: ['*'],
        accessControlAllowHeaders: ['*'],
        accessControlAllowMethods: ['GET', 'HEAD'],
        accessControlAllowCredentials: false,
        originOverride: true,
      },
    });
  }
}
