/** Microneedling devices (DOMAIN.md "Devices"). */
export const DEVICES = ["DERMAROLLER", "PEN", "RF_MICRONEEDLING"] as const;
export type Device = (typeof DEVICES)[number];

export const DEVICE_LABELS: Readonly<Record<Device, string>> = {
  DERMAROLLER: "Dermaroller (manual)",
  PEN: "Dermapen / motorised pen",
  RF_MICRONEEDLING: "RF microneedling",
};
