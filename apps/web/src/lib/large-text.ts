import { createContext, useContext } from 'react';

/** 大字模式: on or off for the signed-in user, and the header's switch (components/ConsoleShell.tsx). */
export const LargeTextContext = createContext<{ large: boolean; setLarge: (on: boolean) => void }>({ large: false, setLarge: () => undefined });

export const useLargeText = () => useContext(LargeTextContext);
