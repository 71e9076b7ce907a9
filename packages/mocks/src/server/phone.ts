/** "+66 81 234 5678", "66812345678" or "+66812345678" -> "+66812345678". */
export const normalizePhone = (phone: string): string => `+${phone.replace(/\D/g, "")}`;
