/** A prometheus-operator ServiceMonitor for the web server. */
export interface ServiceMonitorSpec {
  /**
   * Scrape interval (a Prometheus duration).
   *
   * @default '30s'
   */
  readonly interval?: string;
  /**
   * Scrape timeout (a Prometheus duration).
   *
   * @default - Prometheus' default
   */
  readonly scrapeTimeout?: string;
  /**
   * Extra labels, for example to match the Prometheus `serviceMonitorSelector`.
   *
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };
}

/** Monitoring objects. */
export interface MonitoringSpec {
  /**
   * ServiceMonitor.
   *
   * @default - none
   */
  readonly serviceMonitor?: ServiceMonitorSpec;
}
